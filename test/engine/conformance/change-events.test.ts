import { describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { take } from '../../support/streams.js';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';

describe.each(forEachTarget((ctx) => {
  it('reports insert, update, replace and delete with their fields', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('orders');
    await coll.insertOne({ _id: 0 });
    const stream = coll.watch();
    await stream.tryNext();
    // The note keeps the document larger than the pipeline update's diff, so mongod logs a diff, not a replacement.
    const note = 'a note long enough to outweigh the diff';
    await coll.insertOne({ _id: 1, qty: 1, arr: ['foo', { a: 'bar' }, 1, 2, 3], note });
    await coll.updateOne({ _id: 1 }, { $set: { qty: 2 }, $unset: { missing: '' } });
    await coll.updateOne({ _id: 1 }, { $unset: { qty: '' } });
    await coll.updateOne({ _id: 1 }, [{ $set: { arr: ['foo', { a: 'bar' }] } }]);
    await coll.replaceOne({ _id: 1 }, { qty: 5 });
    await coll.deleteOne({ _id: 1 });
    const [ins, upd, unset, trunc, rep, del] = (await take(stream, 6)) as Document[];
    for (const ev of [ins, upd, unset, trunc, rep, del]) {
      expect(ev!._id._data).toMatch(/^[0-9A-F]+$/);
      expect(ev!.clusterTime?._bsontype).toBe('Timestamp');
      expect(ev!.wallTime).toBeInstanceOf(Date);
      expect(ev!.ns).toEqual({ db: coll.dbName, coll: 'orders' });
      expect(ev!.documentKey).toEqual({ _id: 1 });
    }
    expect(ins).toMatchObject({ operationType: 'insert', fullDocument: { _id: 1, qty: 1, arr: ['foo', { a: 'bar' }, 1, 2, 3], note } });
    expect(upd).toMatchObject({ operationType: 'update', updateDescription: { updatedFields: { qty: 2 }, removedFields: [], truncatedArrays: [] } });
    expect(upd!.fullDocument).toBeUndefined();
    expect(unset!.updateDescription).toEqual({ updatedFields: {}, removedFields: ['qty'], truncatedArrays: [] });
    expect(trunc!.updateDescription).toEqual({ updatedFields: {}, removedFields: [], truncatedArrays: [{ field: 'arr', newSize: 2 }] });
    expect(rep).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, qty: 5 } });
    expect(rep!.fullDocument).toEqual({ _id: 1, qty: 5 });
    expect(del!.operationType).toBe('delete');
    const tokens = [ins, upd, unset, trunc, rep, del].map((e) => e!._id._data as string);
    expect([...tokens].sort()).toEqual(tokens);
    await stream.close();
  });

  it('reports no event for a no-op update', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('noop');
    await coll.insertOne({ _id: 1, a: 1 });
    const stream = coll.watch();
    await stream.tryNext();
    await coll.updateOne({ _id: 1 }, { $set: { a: 1 } });
    await coll.insertOne({ _id: 2 });
    const [next] = await take(stream, 1);
    expect(next).toMatchObject({ operationType: 'insert', documentKey: { _id: 2 } });
    await stream.close();
  });

  it('looks up the current document with fullDocument: updateLookup', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('lookup');
    await coll.insertOne({ _id: 1, v: 1 });
    const stream = coll.watch([], { fullDocument: 'updateLookup' });
    await stream.tryNext();
    await coll.updateOne({ _id: 1 }, { $set: { v: 2 } });
    const [ev] = await take(stream, 1);
    expect(ev).toMatchObject({ operationType: 'update', fullDocument: { _id: 1, v: 2 } });
    await stream.close();
  });

  it('gives pre- and post-images when the collection keeps them', async () => {
    const db = ctx.freshDb();
    await db.createCollection('images', { changeStreamPreAndPostImages: { enabled: true } });
    const coll = db.collection<AnyDoc>('images');
    await coll.insertOne({ _id: 1, v: 1 });
    const stream = coll.watch([], { fullDocument: 'required', fullDocumentBeforeChange: 'required' });
    await stream.tryNext();
    await coll.updateOne({ _id: 1 }, { $set: { v: 2 } });
    await coll.deleteOne({ _id: 1 });
    const [upd, del] = await take(stream, 2);
    expect(upd).toMatchObject({ fullDocument: { _id: 1, v: 2 }, fullDocumentBeforeChange: { _id: 1, v: 1 } });
    expect(del).toMatchObject({ operationType: 'delete', fullDocumentBeforeChange: { _id: 1, v: 2 } });
    await stream.close();
  });

  it('ends a collection stream on drop with drop then invalidate', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('dropped');
    await coll.insertOne({ _id: 1 });
    const stream = coll.watch();
    await stream.tryNext();
    await coll.drop();
    const [drop, invalidate] = (await take(stream, 2)) as Document[];
    expect(drop).toMatchObject({ operationType: 'drop', ns: { db: coll.dbName, coll: 'dropped' } });
    expect(invalidate!.operationType).toBe('invalidate');
    expect(invalidate!.ns).toBeUndefined();
    expect(invalidate!._id._data > drop!._id._data).toBe(true);
    await expect(stream.next()).rejects.toThrow();
    expect(stream.closed).toBe(true);
  });

  it('ends a collection stream on rename with rename then invalidate', async () => {
    const db = ctx.freshDb();
    const coll = db.collection<AnyDoc>('before');
    await coll.insertOne({ _id: 1 });
    const stream = coll.watch();
    await stream.tryNext();
    await db.renameCollection('before', 'after');
    const [rename, invalidate] = (await take(stream, 2)) as Document[];
    expect(rename).toMatchObject({ operationType: 'rename', ns: { coll: 'before' }, to: { db: db.databaseName, coll: 'after' } });
    expect(invalidate!.operationType).toBe('invalidate');
    await stream.close();
  });

  it('shows drops and dropDatabase on a database stream, then invalidates', async () => {
    const db = ctx.freshDb();
    await db.collection<AnyDoc>('a').insertOne({ _id: 1 });
    const stream = db.watch();
    await stream.tryNext();
    await db.collection<AnyDoc>('b').insertOne({ _id: 2 });
    await db.dropDatabase();
    const events = (await take(stream, 5)) as Document[];
    expect(events.map((e) => e.operationType)).toEqual(['insert', 'drop', 'drop', 'dropDatabase', 'invalidate']);
    expect(events[3]!.ns).toEqual({ db: db.databaseName });
    await stream.close();
  });

  it('sees every user database on a cluster stream, and is never invalidated', async () => {
    const db1 = ctx.freshDb();
    const db2 = ctx.freshDb();
    const stream = ctx.client.watch([{ $match: { 'ns.db': { $in: [db1.databaseName, db2.databaseName] } } }]);
    await stream.tryNext();
    await db1.collection<AnyDoc>('x').insertOne({ _id: 1 });
    await db2.collection<AnyDoc>('y').insertOne({ _id: 2 });
    await db1.dropDatabase();
    await db2.collection<AnyDoc>('y').insertOne({ _id: 3 });
    const events = (await take(stream, 5)) as Document[];
    expect(events.map((e) => e.operationType)).toEqual(['insert', 'insert', 'drop', 'dropDatabase', 'insert']);
    await stream.close();
  });

  it('applies $match and $project after $changeStream, and fails with 280 if _id is removed', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('pipe');
    const stream = coll.watch([{ $match: { 'fullDocument.keep': true } }, { $project: { fullDocument: 1 } }]);
    await stream.tryNext();
    await coll.insertMany([{ _id: 1, keep: false }, { _id: 2, keep: true }]);
    const [ev] = (await take(stream, 1)) as Document[];
    expect(Object.keys(ev!).sort()).toEqual(['_id', 'fullDocument']);
    expect(ev!.fullDocument).toEqual({ _id: 2, keep: true });
    await stream.close();
    const bad = coll.watch([{ $project: { _id: 0 } }]);
    await bad.tryNext();
    await coll.insertOne({ _id: 3 });
    await expect(bad.next()).rejects.toMatchObject({ code: 280 });
    await bad.close();
  });

  it('rejects stages that are not allowed after $changeStream', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('stages');
    await expect(coll.watch([{ $group: { _id: 1 } }]).tryNext()).rejects.toMatchObject({ code: 20 });
    await expect(coll.watch([{ $unknownStage: {} }]).tryNext()).rejects.toMatchObject({ code: 40324 });
  });
}))('change events on %s', (_kind, body) => body());
