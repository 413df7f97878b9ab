import { once } from 'node:events';
import type { Document } from 'bson';
import { MongoClient } from 'mongodb';
import { startChildEngine } from '../test/support/child-engine.js';
import { quantile, since } from './stats.js';

/** Single inserts measured (after WARMUP unmeasured ones). */
const SAMPLES = 2_000;
const WARMUP = 200;

/** Insert-to-listener latency: from insertOne being called to the `change` listener running. */
export async function benchLatency(): Promise<Record<string, string>> {
  const engine = await startChildEngine();
  const watcher = await new MongoClient(engine.uri).connect();
  const writer = await new MongoClient(engine.uri).connect();
  try {
    const coll = writer.db('bench').collection<Document>('latency');
    const stream = watcher.db('bench').collection('latency').watch();
    let arrived: (() => void) | undefined;
    stream.on('change', () => arrived?.());
    // The first resumeTokenChanged comes with the aggregate's reply: the stream is open from here on.
    await once(stream, 'resumeTokenChanged');
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES + WARMUP; i++) {
      const seen = new Promise<void>((resolve) => (arrived = resolve));
      const start = performance.now();
      await coll.insertOne({ i });
      await seen;
      if (i >= WARMUP) samples.push(since(start));
    }
    await stream.close();
    return {
      samples: String(SAMPLES),
      'p50 ms': quantile(samples, 0.5).toFixed(2),
      'p99 ms (aim < 5)': quantile(samples, 0.99).toFixed(2),
    };
  } finally {
    await watcher.close();
    await writer.close();
    await engine.stop();
  }
}
