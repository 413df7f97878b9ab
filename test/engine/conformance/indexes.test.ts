import { describe, expect, it } from 'vitest';
import type { MongoServerError } from 'mongodb';
import { forEachTarget, type AnyDoc } from '../../support/suite.js';

describe.each(forEachTarget((ctx) => {
  it('creates, lists and drops indexes', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('idx');
    expect(await coll.createIndex({ sku: 1 })).toBe('sku_1');
    expect(await coll.createIndex({ a: 1, b: -1 }, { name: 'ab' })).toBe('ab');
    const names = (await coll.listIndexes().toArray()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'ab', 'sku_1']);
    await coll.dropIndex('ab');
    expect((await coll.listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'sku_1']);
  });

  it('enforces unique indexes with 11000, on insert, update and index build', async () => {
    const coll = ctx.freshDb().collection<AnyDoc>('uniq');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x' });
    const insertErr = await coll.insertOne({ email: 'a@x' }).catch((e: unknown) => e);
    expect((insertErr as MongoServerError).code).toBe(11000);
    await coll.insertOne({ email: 'b@x' });
    const updateErr = await coll.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } }).catch((e: unknown) => e);
    expect((updateErr as MongoServerError).code).toBe(11000);
    // Documents without the field count as null: a second one is a duplicate too.
    const missingErr = await coll.insertMany([{ other: 1 }, { other: 2 }]).catch((e: unknown) => e);
    expect((missingErr as MongoServerError).code).toBe(11000);
    const plain = ctx.freshDb().collection<AnyDoc>('build');
    await plain.insertMany([{ n: 1 }, { n: 1 }]);
    const buildErr = await plain.createIndex({ n: 1 }, { unique: true }).catch((e: unknown) => e);
    expect((buildErr as MongoServerError).code).toBe(11000);
    expect((await plain.listIndexes().toArray()).map((i) => i.name)).not.toContain('n_1');
  });
}))('indexes on %s', (_kind, body) => body());
