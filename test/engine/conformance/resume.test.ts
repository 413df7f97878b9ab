import { describe, expect, it } from 'vitest';
import type { ResumeToken, Timestamp } from 'mongodb';
import { take } from '../../support/streams.js';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';

describe.each(forEachTarget((ctx) => {
  it('resumeAfter a token continues right after that event, with nothing lost or repeated', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('orders');
    const first = coll.watch();
    await first.tryNext();
    await coll.insertMany([1, 2, 3, 4, 5].map((n) => ({ _id: n })));
    const seen = await take(first, 2);
    const token = seen[1]!._id as ResumeToken;
    await first.close();
    await coll.insertOne({ _id: 6 });
    const resumed = coll.watch([], { resumeAfter: token });
    const rest = await take(resumed, 4);
    expect(rest.map((e) => e.documentKey._id)).toEqual([3, 4, 5, 6]);
    await resumed.close();
  });

  it('startAfter a token behaves like resumeAfter for an ordinary event', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('orders');
    const first = coll.watch();
    await first.tryNext();
    await coll.insertMany([{ _id: 1 }, { _id: 2 }]);
    const [one] = await take(first, 1);
    await first.close();
    const resumed = coll.watch([], { startAfter: one!._id });
    expect((await take(resumed, 1))[0]!.documentKey._id).toBe(2);
    await resumed.close();
  });

  it('startAtOperationTime includes the event at exactly that time', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('orders');
    const first = coll.watch();
    await first.tryNext();
    await coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const events = await take(first, 3);
    await first.close();
    const at = events[1]!.clusterTime as Timestamp;
    const resumed = coll.watch([], { startAtOperationTime: at });
    expect((await take(resumed, 2)).map((e) => e.documentKey._id)).toEqual([2, 3]);
    await resumed.close();
  });

  it('a new stream starts after the last write, and its postBatchResumeToken moves forward', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('orders');
    await coll.insertOne({ _id: 'before' });
    const stream = coll.watch();
    expect(await stream.tryNext()).toBeNull();
    const initial = stream.resumeToken as { _data: string };
    await coll.insertOne({ _id: 'after' });
    const [ev] = await take(stream, 1);
    expect(ev!.documentKey._id).toBe('after');
    expect(ev!._id._data > initial._data).toBe(true);
    await stream.close();
  });

  it('fails with 280 when the token is not in this stream\'s history', async () => {
    const db = ctx.freshDb();
    const other = db.collection<AnyDoc>('other');
    const orders = db.collection<AnyDoc>('orders');
    await orders.insertOne({ _id: 0 });
    const probe = other.watch();
    await probe.tryNext();
    await other.insertOne({ _id: 1 });
    const [foreign] = await take(probe, 1);
    await probe.close();
    const resumed = orders.watch([], { resumeAfter: foreign!._id });
    await orders.insertOne({ _id: 2 });
    const err = await resumed.next().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 280 });
    expect((err as { hasErrorLabel(l: string): boolean }).hasErrorLabel('NonResumableChangeStreamError')).toBe(true);
    await resumed.close();
  });

  it('refuses resumeAfter an invalidate token (260) but allows startAfter it', async () => {
    const db = ctx.freshDb();
    const coll = db.collection<AnyDoc>('phoenix');
    await coll.insertOne({ _id: 1 });
    const stream = coll.watch();
    await stream.tryNext();
    await coll.drop();
    const [, invalidate] = await take(stream, 2);
    expect(invalidate!.operationType).toBe('invalidate');
    await stream.close();

    const refused = coll.watch([], { resumeAfter: invalidate!._id });
    await expect(refused.tryNext()).rejects.toMatchObject({ code: 260 });
    await refused.close();

    const reborn = coll.watch([], { startAfter: invalidate!._id });
    await reborn.tryNext();
    await coll.insertOne({ _id: 'again' });
    const [ev] = await take(reborn, 1);
    expect(ev).toMatchObject({ operationType: 'insert', documentKey: { _id: 'again' } });
    await reborn.close();
  });

  it('resumeAfter a drop token yields the invalidate again', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('gone');
    await coll.insertOne({ _id: 1 });
    const stream = coll.watch();
    await stream.tryNext();
    await coll.drop();
    const [drop] = await take(stream, 2);
    await stream.close();
    const again = coll.watch([], { resumeAfter: drop!._id });
    const [ev] = await take(again, 1);
    expect(ev!.operationType).toBe('invalidate');
    await again.close();
  });

  it('rejects two resume options together', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('opts');
    const stream = coll.watch();
    await stream.tryNext();
    await coll.insertOne({ _id: 1 });
    const [ev] = await take(stream, 1);
    await stream.close();
    const both = coll.watch([], { resumeAfter: ev!._id, startAfter: ev!._id });
    await expect(both.tryNext()).rejects.toMatchObject({ code: 50865 });
    await both.close();
  });
}))('resume on %s', (_kind, body) => body());
