import { describe, expect, it } from 'vitest';
import type { Document, MongoClient } from 'mongodb';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';
import { connect } from '../../support/targets.js';
import { until } from '../../support/until.js';

/** Orders inserted per round; ROUNDS × ROUND_SIZE events in all. */
const ROUND_SIZE = 50;
/** Each round makes the server close the stream's connection once, mid-stream. */
const ROUNDS = 20;

async function dropNextGetMore(client: MongoClient): Promise<void> {
  await client.db('admin').command({
    configureFailPoint: 'failCommand',
    mode: { times: 1 },
    data: { failCommands: ['getMore'], closeConnection: true },
  });
}

describe.each(forEachTarget((ctx) => {
  it(`resumes automatically through ${ROUNDS} dropped connections with no event lost or duplicated`, async () => {
    const db = ctx.freshDb();
    const watcher = await connect(ctx.target.uri, { monitorCommands: true });
    try {
      let aggregates = 0;
      watcher.on('commandSucceeded', (e) => {
        if (e.commandName === 'aggregate') aggregates++;
      });
      const stream = watcher.db(db.databaseName).collection<AnyDoc>('orders').watch();
      const received: number[] = [];
      stream.on('change', (ev: Document) => received.push(ev.fullDocument.n));
      const errors: unknown[] = [];
      stream.on('error', (err) => errors.push(err));
      await until(watcher, 'commandSucceeded', () => aggregates >= 1, 'the change stream to open');

      const orders = db.collection<AnyDoc>('orders');
      for (let round = 0; round < ROUNDS; round++) {
        await dropNextGetMore(ctx.client);
        await orders.insertMany(Array.from({ length: ROUND_SIZE }, (_, i) => ({ n: round * ROUND_SIZE + i })));
        const expected = (round + 1) * ROUND_SIZE;
        await until(stream, 'change', () => received.length >= expected, `${expected} events`);
        await until(watcher, 'commandSucceeded', () => aggregates >= round + 2, `resume number ${round + 1}`);
      }
      await stream.close();
      expect(errors).toEqual([]);
      expect(aggregates).toBeGreaterThanOrEqual(ROUNDS + 1);
      expect(received).toEqual(Array.from({ length: ROUNDS * ROUND_SIZE }, (_, i) => i));
    } finally {
      await ctx.client.db('admin').command({ configureFailPoint: 'failCommand', mode: 'off' });
      await watcher.close();
    }
  });
}))('automatic resume on %s', (_kind, body) => body());
