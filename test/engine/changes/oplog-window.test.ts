import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, MongoClient } from 'mongodb';
import { startReplSet, type ReplSet } from '../../../src/engine/index.js';
import { connect } from '../../support/targets.js';

/** A tiny oplog, so history falls off after a handful of writes. */
const OPLOG_SIZE = 10;

// Engine-specific: a real mongod's oplog cannot be made this small, so the bounded oplog and
// history-lost errors are tested on the embedded engine alone.
describe('engine/changes/oplog (bounded window)', () => {
  let rs: ReplSet;
  let client: MongoClient;
  beforeAll(async () => {
    rs = await startReplSet({ oplogSize: OPLOG_SIZE });
    client = await connect(rs.uri);
  });
  afterAll(async () => {
    await client?.close();
    await rs?.stop();
  });

  it('answers 286 ChangeStreamHistoryLost when the resume point has left the oplog', async () => {
    const coll = client.db('window').collection<Document>('orders');
    const stream = coll.watch();
    await stream.tryNext();
    await coll.insertOne({ n: 0 });
    const first = await stream.next();
    await stream.close();
    await coll.insertMany(Array.from({ length: OPLOG_SIZE * 2 }, (_, n) => ({ n: n + 1 })));
    const resumed = coll.watch([], { resumeAfter: first._id });
    const err = await resumed.tryNext().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 286, codeName: 'ChangeStreamHistoryLost' });
    expect((err as { hasErrorLabel(l: string): boolean }).hasErrorLabel('NonResumableChangeStreamError')).toBe(true);
    await resumed.close();
  });

  it('still resumes from a point inside the window', async () => {
    const coll = client.db('window2').collection<Document>('orders');
    const stream = coll.watch();
    await stream.tryNext();
    await coll.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const one = await stream.next();
    await stream.close();
    const resumed = coll.watch([], { resumeAfter: one._id });
    expect(((await resumed.next()) as Document).fullDocument).toMatchObject({ n: 2 });
    await resumed.close();
  });
});
