import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoServerError, Timestamp, type MongoClient } from 'mongodb';
import { startReplSet, type ReplSet } from '../../../src/engine/index.js';
import { connect } from '../../support/targets.js';

// The engine's own answers for what it does not implement: no mongod gives these, so they are
// tested on the embedded engine alone.
describe('engine/dispatch/dispatcher', () => {
  let rs: ReplSet;
  let client: MongoClient;
  beforeAll(async () => {
    rs = await startReplSet();
    client = await connect(rs.uri);
  });
  afterAll(async () => {
    await client?.close();
    await rs?.stop();
  });

  const failure = (command: object, db = 'admin') => client.db(db).command(command).then(
    () => {
      throw new Error('expected the command to fail');
    },
    (err: unknown) => err as MongoServerError,
  );

  it.each([
    ['an unknown command', { frobnicate: 1 }, 59, 'CommandNotFound', /no such command: 'frobnicate'/],
    ['a known but unimplemented command', { bulkWrite: 1, ops: [], nsInfo: [] }, 238, 'NotImplemented', /bulkWrite/],
    ['an unsupported create option', { create: 'ts', timeseries: { timeField: 't' } }, 238, 'NotImplemented', /timeseries/],
    ['an unsupported collMod option', { collMod: 'missing', validator: {} }, 238, 'NotImplemented', /validator/],
  ])('answers %s with its code, codeName and errmsg', async (_what, command, code, codeName, message) => {
    const err = await failure(command, 'dispatch');
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(code);
    expect(err.codeName).toBe(codeName);
    expect(err.message).toMatch(message);
  });

  it('refuses a multi-document transaction instead of running it non-atomically', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      const err = await client.db('dispatch').collection('txn').insertOne({ a: 1 }, { session }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 238 });
      expect(await client.db('dispatch').collection('txn').countDocuments()).toBe(0);
    } finally {
      await session.endSession();
    }
  });

  it('puts operationTime and $clusterTime (Timestamps) on every reply, errors included', async () => {
    const ok = await client.db('admin').command({ ping: 1 });
    expect(ok.operationTime).toBeInstanceOf(Timestamp);
    expect(ok.$clusterTime.clusterTime).toBeInstanceOf(Timestamp);
    const err = await failure({ frobnicate: 1 });
    expect(err.errorResponse.operationTime).toBeInstanceOf(Timestamp);
    expect(err.errorResponse.$clusterTime.clusterTime).toBeInstanceOf(Timestamp);
  });

  it('sends no reply to an unacknowledged (moreToCome) write, so the connection stays in step', async () => {
    const single = await connect(rs.uri, { maxPoolSize: 1 });
    try {
      const coll = single.db('dispatch').collection('w0');
      await coll.insertOne({ n: 1 }, { writeConcern: { w: 0 } });
      await coll.insertOne({ n: 2 }, { writeConcern: { w: 0 } });
      expect(await single.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      expect((await coll.find({}, { sort: { n: 1 } }).toArray()).map((d) => d.n)).toEqual([1, 2]);
    } finally {
      await single.close();
    }
  });

  it('reports a one-node replica set in hello with wire versions 0..21', async () => {
    const hello = await client.db('admin').command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, setName: 'rs0', minWireVersion: 0, maxWireVersion: 21 });
    expect(hello.hosts).toEqual([`127.0.0.1:${rs.port}`]);
    expect(hello.topologyVersion).toBeUndefined();
  });
});
