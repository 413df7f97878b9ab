import { once } from 'node:events';
import { BSON, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { startChildEngine } from '../test/support/child-engine.js';
import { since } from './stats.js';

/** Orders inserted; the figure is over 100,000. */
const ORDERS = 100_000;
/** Orders per insertMany. */
const BATCH = 1_000;

/**
 * Change-stream throughput: events per second one driver stream receives while ORDERS small orders
 * are inserted in batches, divided by the rate of a bare BSON serialize + deserialize loop over the
 * same event documents. The engine runs in its own process, as it does for a learner.
 */
export async function benchThroughput(): Promise<Record<string, string>> {
  const engine = await startChildEngine({ oplogSize: ORDERS * 2 });
  const watcher = await new MongoClient(engine.uri).connect();
  const writer = await new MongoClient(engine.uri).connect();
  try {
    const coll = writer.db('bench').collection('orders');
    const stream = watcher.db('bench').collection('orders').watch();
    const events: Document[] = [];
    const done = new Promise<void>((resolve) => {
      stream.on('change', (ev) => {
        events.push(ev);
        if (events.length === ORDERS) resolve();
      });
    });
    // The first resumeTokenChanged comes with the aggregate's reply: the stream is open from here on.
    await once(stream, 'resumeTokenChanged');
    const start = performance.now();
    for (let i = 0; i < ORDERS; i += BATCH) {
      await coll.insertMany(Array.from({ length: BATCH }, (_, j) => ({ orderId: i + j, item: 'widget', qty: (i + j) % 7, price: 9.99 })));
    }
    await done;
    const streamMs = since(start);
    await stream.close();
    const streamRate = ORDERS / (streamMs / 1000);

    const loopStart = performance.now();
    for (const ev of events) BSON.deserialize(BSON.serialize(ev));
    const bsonRate = ORDERS / (since(loopStart) / 1000);
    return {
      'events received': String(events.length),
      'stream events/s': streamRate.toFixed(0),
      'bare BSON round trips/s': bsonRate.toFixed(0),
      'ratio (aim >= 0.25)': (streamRate / bsonRate).toFixed(3),
    };
  } finally {
    await watcher.close();
    await writer.close();
    await engine.stop();
  }
}
