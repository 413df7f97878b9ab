import type { Document } from 'bson';
import { MongoClient } from 'mongodb';
import { startChildEngine } from '../test/support/child-engine.js';
import { median, since } from './stats.js';

/** The token resumed from is this many events before the end of the oplog. */
const BACK = 10;
/** Resumes timed per oplog size (the median is reported), after WARMUP untimed ones. */
const REPEATS = 25;
const WARMUP = 5;
const INSERT_BATCH = 10_000;

async function timeResume(oplogEvents: number): Promise<number> {
  const engine = await startChildEngine({ oplogSize: oplogEvents + 10 });
  const client = await new MongoClient(engine.uri).connect();
  try {
    const coll = client.db('bench').collection<Document>('resume');
    const probe = coll.watch();
    await probe.tryNext();
    for (let i = 0; i < oplogEvents - BACK; i += INSERT_BATCH) {
      await coll.insertMany(Array.from({ length: Math.min(INSERT_BATCH, oplogEvents - BACK - i) }, (_, j) => ({ n: i + j })));
    }
    await coll.insertOne({ marker: true });
    let token: unknown;
    for await (const ev of probe) {
      if ((ev as Document).fullDocument?.marker) {
        token = ev._id;
        break;
      }
    }
    await probe.close();
    await coll.insertMany(Array.from({ length: BACK - 1 }, (_, j) => ({ tail: j })));
    const times: number[] = [];
    for (let r = 0; r < WARMUP + REPEATS; r++) {
      const start = performance.now();
      const stream = coll.watch([], { resumeAfter: token });
      await stream.next();
      if (r >= WARMUP) times.push(since(start));
      await stream.close();
    }
    return median(times);
  } finally {
    await client.close();
    await engine.stop();
  }
}

/** Resume cost: time to the first event when resuming 10 events back, with a small and a huge oplog. */
export async function benchResume(): Promise<Record<string, string>> {
  const small = await timeResume(1_000);
  const large = await timeResume(1_000_000);
  return {
    'oplog 1,000: median ms': small.toFixed(2),
    'oplog 1,000,000: median ms': large.toFixed(2),
    'ratio (aim <= 2)': (large / small).toFixed(2),
  };
}
