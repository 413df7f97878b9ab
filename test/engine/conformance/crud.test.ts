import { describe, expect, it } from 'vitest';
import { Decimal128, Long, MongoServerError, ObjectId } from 'mongodb';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';

describe.each(forEachTarget((ctx) => {
  it('inserts, finds, counts and deletes documents', async () => {
    const orders = ctx.freshDb().collection<AnyDoc>('orders');
    const { insertedIds } = await orders.insertMany([{ item: 'a', qty: 1 }, { item: 'b', qty: 5 }, { item: 'c', qty: 9 }]);
    expect(Object.keys(insertedIds)).toHaveLength(3);
    expect(await orders.countDocuments({ qty: { $gt: 2 } })).toBe(2);
    expect(await orders.find({}, { sort: { qty: -1 }, projection: { _id: 0, item: 1 } }).toArray()).toEqual([{ item: 'c' }, { item: 'b' }, { item: 'a' }]);
    expect(await orders.findOne({ item: 'b' })).toMatchObject({ item: 'b', qty: 5 });
    expect((await orders.deleteMany({ qty: { $lt: 6 } })).deletedCount).toBe(2);
    expect(await orders.find().toArray()).toHaveLength(1);
  });

  it('stores _id first, as mongod does, whatever order the client sent', async () => {
    const db = ctx.freshDb();
    await db.command({ insert: 'order', documents: [{ a: 1, _id: 5 }] });
    const [doc] = await db.collection<AnyDoc>('order').find().toArray();
    expect(Object.keys(doc!)).toEqual(['_id', 'a']);
  });

  it('pages through a cursor with getMore', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('many');
    await coll.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    const seen = await coll.find({}, { batchSize: 7, sort: { i: 1 } }).toArray();
    expect(seen.map((d) => d.i)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(await coll.find().skip(240).limit(5).toArray()).toHaveLength(5);
  });

  it('updates with modifiers, upsert, multi, arrayFilters, $setOnInsert and pipelines', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('upd');
    await coll.insertMany([{ _id: 1, n: 1, tags: ['a'], grades: [80, 95, 60] }, { _id: 2, n: 2 }]);
    await coll.updateOne({ _id: 1 }, { $inc: { n: 10 }, $push: { tags: 'b' } as AnyDoc });
    expect(await coll.findOne({ _id: 1 })).toMatchObject({ n: 11, tags: ['a', 'b'] });
    await coll.updateOne({ _id: 1 }, { $set: { 'grades.$[g]': 100 } }, { arrayFilters: [{ g: { $gte: 90 } }] });
    expect((await coll.findOne({ _id: 1 }))?.grades).toEqual([80, 100, 60]);
    const multi = await coll.updateMany({}, { $set: { seen: true } });
    expect(multi.modifiedCount).toBe(2);
    const up = await coll.updateOne({ _id: 3 }, { $set: { n: 3 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(up.upsertedId).toBe(3);
    expect(await coll.findOne({ _id: 3 })).toEqual({ _id: 3, n: 3, created: true });
    await coll.updateOne({ _id: 3 }, { $set: { n: 4 }, $setOnInsert: { created: false } }, { upsert: true });
    expect(await coll.findOne({ _id: 3 })).toEqual({ _id: 3, n: 4, created: true });
    await coll.updateOne({ _id: 2 }, [{ $set: { double: { $multiply: ['$n', 2] } } }]);
    expect((await coll.findOne({ _id: 2 }))?.double).toBe(4);
    const noop = await coll.updateOne({ _id: 2 }, { $set: { n: 2 } });
    expect(noop).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('replaces documents and rejects a changed _id', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('repl');
    await coll.insertOne({ _id: 1, a: 1 });
    await coll.replaceOne({ _id: 1 }, { b: 2 });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, b: 2 });
    const err = await coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(66);
  });

  it('findOneAndUpdate / findOneAndDelete return the right version', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('fam');
    await coll.insertMany([{ _id: 1, v: 1 }, { _id: 2, v: 2 }]);
    expect(await coll.findOneAndUpdate({ _id: 1 }, { $inc: { v: 1 } })).toEqual({ _id: 1, v: 1 });
    expect(await coll.findOneAndUpdate({ _id: 1 }, { $inc: { v: 1 } }, { returnDocument: 'after' })).toEqual({ _id: 1, v: 3 });
    expect(await coll.findOneAndDelete({}, { sort: { v: -1 } })).toEqual({ _id: 1, v: 3 });
    expect(await coll.findOneAndUpdate({ _id: 9 }, { $set: { v: 9 } }, { upsert: true, returnDocument: 'after' })).toEqual({ _id: 9, v: 9 });
  });

  it('rejects duplicate _id with 11000 and reports the rest of an unordered batch', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('dup');
    await coll.insertOne({ _id: 1 });
    const err = await coll.insertMany([{ _id: 2 }, { _id: 1 }, { _id: 3 }], { ordered: false }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(11000);
    expect(await coll.countDocuments()).toBe(3);
  });

  it('compares BSON types as MongoDB does', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('types');
    await coll.insertMany([
      { _id: 1, v: Long.fromNumber(9) },
      { _id: 2, v: Long.fromString('10') },
      { _id: 3, v: Decimal128.fromString('9.5') },
      { _id: 4, v: 'text' },
      { _id: 5, v: new ObjectId() },
      { _id: 6, v: 7.5 },
    ]);
    const gt = await coll.find({ v: { $gt: 8 } }, { sort: { v: 1 } }).toArray();
    expect(gt.map((d) => d._id)).toEqual([1, 3, 2]);
    expect((await coll.find({ v: { $type: 'long' } }).toArray()).map((d) => d._id).sort()).toEqual([1, 2]);
    expect((await coll.find({ v: { $type: 'objectId' } }).toArray()).map((d) => d._id)).toEqual([5]);
    const sorted = await coll.find({}, { sort: { v: 1 } }).toArray();
    expect(sorted.map((d) => d._id)).toEqual([6, 1, 3, 2, 4, 5]);
  });

  it('aggregates and answers distinct', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('agg');
    await coll.insertMany([{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }]);
    const groups = await coll.aggregate([{ $group: { _id: '$k', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }]).toArray();
    expect(groups).toEqual([{ _id: 'a', total: 4 }, { _id: 'b', total: 2 }]);
    expect(await coll.distinct('k')).toEqual(['a', 'b']);
  });

  it('lists, renames and drops collections and databases', async () => {
    const db = ctx.freshDb();
    await db.createCollection('one');
    await db.collection<AnyDoc>('two').insertOne({ x: 1 });
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(['one', 'two']);
    await db.renameCollection('two', 'three');
    expect(await db.collection<AnyDoc>('three').countDocuments()).toBe(1);
    const err = await db.createCollection('one').catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(48);
    expect(await db.collection<AnyDoc>('three').drop()).toBe(true);
    const dbs = await ctx.client.db().admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(db.databaseName);
    await db.dropDatabase();
    const after = await ctx.client.db().admin().listDatabases();
    expect(after.databases.map((d) => d.name)).not.toContain(db.databaseName);
  });

  it('answers an unknown command with 59 CommandNotFound', async () => {
    const err = await ctx.client.db('admin').command({ noSuchThing: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(59);
  });
}))('CRUD on %s', (_kind, body) => body());
