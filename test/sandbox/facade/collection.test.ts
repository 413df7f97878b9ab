import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_METHODS } from '../../../src/sandbox/explain.js';
import { SandboxSession } from '../../../src/sandbox/session.js';
import { forEachTarget } from '../../support/suite.js';
import { uniqueDbName } from '../../support/targets.js';
import { until } from '../../support/until.js';
import { evaluateAll, TEST_LIMITS, texts } from '../support.js';

describe.each(
  forEachTarget((ctx) => {
    let session: SandboxSession | undefined;
    const open = () => (session = new SandboxSession({ uri: ctx.target.uri, dbName: uniqueDbName('sbx'), limits: TEST_LIMITS }));
    afterEach(() => session?.close());

    it('has every collection method the explanations suggest', async () => {
      const result = await open().evaluate(`[${COLLECTION_METHODS.map((m) => `typeof db.orders.${m}`).join(', ')}].every((t) => t === 'function')`);
      expect(result.value).toBe('true');
    });

    it('inserts, finds, sorts, limits and counts with implicit await', async () => {
      const result = await evaluateAll(open(), [
        "db.orders.insertOne({ _id: 1, item: 'tea', qty: 5 })",
        "db.orders.insertMany([{ _id: 2, item: 'cake', qty: 2 }, { _id: 3, item: 'jam', qty: 9 }])",
        'const firstTwo = db.orders.find({}, { item: 1 }).sort({ qty: -1 }).limit(2).toArray()',
        "db.orders.find({ qty: { $gt: 1 } }).sort({ _id: 1 }).forEach((o) => print(o.item))\nprint(firstTwo.map((o) => o.item).join(','))\nprint(db.orders.countDocuments({ qty: { $gte: 5 } }))\ndb.orders.findOne({ _id: 2 })",
      ]);
      expect(texts(result)).toEqual(['tea', 'cake', 'jam', 'jam,tea', '2']);
      expect(result.value).toBe("{ _id: 2, item: 'cake', qty: 2 }");
    });

    it('echoes a cursor as its first documents, the way the shell does', async () => {
      const s = open();
      const result = await evaluateAll(s, ['db.orders.insertMany(Array.from({ length: 25 }, (_, i) => ({ _id: i })))', 'db.orders.find({ _id: { $lt: 2 } })']);
      expect(result.value).toBe('[ { _id: 0 }, { _id: 1 } ]');
      expect((await s.evaluate('db.orders.find().sort({ _id: 1 })')).value).toMatch(/^\[\n  \{ _id: 0 \},[^]*\{ _id: 19 \}\n\]\n\(more documents: use \.toArray\(\) or \.forEach\(\) to see them all\)$/);
    });

    it('updates, replaces and deletes', async () => {
      const result = await evaluateAll(open(), [
        'db.orders.insertMany([{ _id: 1, s: "new" }, { _id: 2, s: "new" }, { _id: 3, s: "new" }])',
        'const one = db.orders.updateOne({ _id: 1 }, { $set: { s: "paid" } })',
        'const many = db.orders.updateMany({ s: "new" }, { $set: { s: "late" } })',
        'const replaced = db.orders.replaceOne({ _id: 3 }, { s: "gone" })',
        'const deleted = db.orders.deleteOne({ s: "gone" })',
        'const rest = db.orders.deleteMany({ s: "late" })',
        'print(one.modifiedCount, many.modifiedCount, replaced.modifiedCount, deleted.deletedCount, rest.deletedCount)\ndb.orders.find().toArray()',
      ]);
      expect(texts(result)).toEqual(['1 2 1 1 1']);
      expect(result.value).toBe("[ { _id: 1, s: 'paid' } ]");
    });

    it('aggregates with a pipeline array or with stages as arguments, and manages indexes', async () => {
      const result = await evaluateAll(open(), [
        "db.orders.insertMany([{ c: 'a', n: 1 }, { c: 'a', n: 2 }, { c: 'b', n: 5 }])",
        "const byArray = db.orders.aggregate([{ $group: { _id: '$c', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }]).toArray()",
        "const byArgs = db.orders.aggregate({ $match: { c: 'b' } }, { $project: { _id: 0, n: 1 } }).toArray()",
        "const index = db.orders.createIndex({ c: 1 })",
        'JSON.stringify(byArray) + " " + JSON.stringify(byArgs) + " " + index',
      ]);
      expect(result.value).toBe(`'[{"_id":"a","total":3},{"_id":"b","total":5}] [{"n":5}] c_1'`);
      expect((await session!.evaluate('db.orders.getIndexes().length')).value).toBe('2');
      expect((await session!.evaluate('db.orders.drop()')).value).toBe('true');
      expect((await session!.evaluate('db.getCollectionNames()')).value).toBe('[]');
    });

    it("hands out the driver's ChangeStream: a 'change' listener receives events", async () => {
      const s = open();
      await evaluateAll(s, ['let resumeToken = null\nconst seen = []', "const changeStream = db.orders.watch()\nchangeStream.on('change', (event) => { seen.push(event.fullDocument.n); resumeToken = event._id })"]);
      const entry = s.streams.streams[0]!;
      await until(s.streams, 'stream-ready', () => entry.ready, 'the change stream to open');
      await s.db.collection('orders').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await until(s.streams, 'delivered', () => entry.delivered === 3, '3 events to reach the listener');
      const { seen, resumeToken, changeStream } = s.bindings() as { seen: number[]; resumeToken: unknown; changeStream: unknown };
      expect(seen).toEqual([1, 2, 3]);
      expect(resumeToken).toEqual(entry.stream.resumeToken);
      expect(changeStream).toBe(entry.stream);
      expect(entry.namespace).toEqual({ db: s.db.databaseName, collection: 'orders' });
    });

    it('resumes after a closed stream with resumeAfter and gets what happened in between, once', async () => {
      const s = open();
      await evaluateAll(s, ["let resumeToken = null\nconst seen = []\nconst changeStream = db.orders.watch()\nchangeStream.on('change', (e) => { seen.push(e.fullDocument.n); resumeToken = e._id })"]);
      const first = s.streams.streams[0]!;
      await until(s.streams, 'stream-ready', () => first.ready, 'the first stream to open');
      const orders = s.db.collection('orders');
      await orders.insertMany([{ n: 1 }, { n: 2 }]);
      await until(s.streams, 'delivered', () => first.delivered === 2, 'the first 2 events');
      await evaluateAll(s, ['changeStream.close()']);
      await orders.insertMany([{ n: 3 }, { n: 4 }]);
      await evaluateAll(s, [
        "const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken })\nresumedChangeStream.on('change', (e) => { seen.push(e.fullDocument.n); resumeToken = e._id })",
      ]);
      const resumed = s.streams.streams[1]!;
      await until(s.streams, 'delivered', () => resumed.delivered === 2, 'the 2 events of the gap');
      await orders.insertOne({ n: 5 });
      await until(s.streams, 'delivered', () => resumed.delivered === 3, 'the live event');
      expect(s.bindings().seen).toEqual([1, 2, 3, 4, 5]);
      expect(first.closed).toBe(true);
      expect(resumed.options.resumeAfter).toEqual(first.stream.resumeToken);
      const aggregates = s.commands.byName('aggregate').filter((r) => r.command.pipeline?.[0]?.$changeStream);
      expect(aggregates.at(-1)!.command.pipeline[0].$changeStream.resumeAfter).toEqual(resumed.options.resumeAfter);
    });

    it("also takes mongosh's watch(options) form", async () => {
      const s = open();
      await evaluateAll(s, ["const cs = db.orders.watch({ fullDocument: 'updateLookup' })"]);
      expect(s.streams.streams[0]).toMatchObject({ pipeline: [], options: { fullDocument: 'updateLookup' } });
    });
  }),
)('src/sandbox/facade/collection.ts on %s', (_kind, body) => body());
