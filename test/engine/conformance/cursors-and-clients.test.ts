import { describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';
import { connect } from '../../support/targets.js';
import { until } from '../../support/until.js';

/** Longer than the test timeout: a getMore that is not released by killCursors fails the test. */
const AWAIT_MS = 60_000;
/** Clients working at once in the concurrency test. */
const CLIENTS = 40;

describe.each(forEachTarget((ctx) => {
  it('releases a waiting getMore when the stream is closed (killCursors)', async () => {
    const watcher = await connect(ctx.target.uri, { monitorCommands: true });
    try {
      let getMores = 0;
      watcher.on('commandStarted', (e) => {
        if (e.commandName === 'getMore') getMores++;
      });
      const stream = watcher.db(ctx.freshDb().databaseName).collection<AnyDoc>('idle').watch([], { maxAwaitTimeMS: AWAIT_MS });
      const pending = stream.next().then(
        () => 'event',
        () => 'closed',
      );
      await until(watcher, 'commandStarted', () => getMores >= 1, 'a waiting getMore');
      await stream.close();
      expect(await pending).toBe('closed');
    } finally {
      await watcher.close();
    }
  });

  it(`serves ${CLIENTS} concurrent clients, each writing and watching`, async () => {
    const db = ctx.freshDb();
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const client = await connect(ctx.target.uri);
        try {
          const coll = client.db(db.databaseName).collection<AnyDoc>(`c${i}`);
          const stream = coll.watch();
          await stream.tryNext();
          await coll.insertMany([{ i, n: 0 }, { i, n: 1 }]);
          const events: Document[] = [await stream.next(), await stream.next()];
          await stream.close();
          return events.map((e) => `${e.fullDocument.i}:${e.fullDocument.n}`);
        } finally {
          await client.close();
        }
      }),
    );
    expect(results).toEqual(Array.from({ length: CLIENTS }, (_, i) => [`${i}:0`, `${i}:1`]));
  });
}))('cursors and clients on %s', (_kind, body) => body());
