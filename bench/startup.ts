import { MongoClient } from 'mongodb';
import { startReplSet } from '../src/engine/index.js';
import { median, since } from './stats.js';

const RUNS = 20;

/** Start-up: `startReplSet()` until a driver's first successful `ping`. */
export async function benchStartup(): Promise<Record<string, string>> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    const rs = await startReplSet();
    const client = new MongoClient(rs.uri);
    await client.db('admin').command({ ping: 1 });
    times.push(since(start));
    await client.close();
    await rs.stop();
  }
  return { runs: String(RUNS), 'median ms (aim < 100)': median(times).toFixed(1), 'max ms': Math.max(...times).toFixed(1) };
}
