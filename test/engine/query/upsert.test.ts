import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { buildUpsertDocument } from '../../../src/engine/query/upsert.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

type Input = readonly [filter: object, update: object, arrayFilters?: object[]];

describe('engine/query/upsert', () => {
  const rows: Row<Input, object>[] = [
    ['seeds equalities and applies $set', [{ _id: 1, a: 1 }, { $set: { b: 2 } }], { _id: 1, a: 1, b: 2 }],
    ['applies $setOnInsert', [{ _id: 1 }, { $setOnInsert: { c: 3 }, $inc: { n: 1 } }], { _id: 1, c: 3, n: 1 }],
    ['$eq counts as equality', [{ _id: 1, a: { $eq: 5 } }, { $set: { b: 1 } }], { _id: 1, a: 5, b: 1 }],
    ['other operators are ignored', [{ _id: 1, a: { $gt: 5 }, r: /x/ }, { $set: { b: 1 } }], { _id: 1, b: 1 }],
    ['dotted paths become nested documents', [{ _id: 1, 'a.b': 1, 'a.c': 2 }, { $set: { d: 1 } }], { _id: 1, a: { b: 1, c: 2 }, d: 1 }],
    ['$and of equalities', [{ $and: [{ _id: 1 }, { a: 1 }] }, { $set: { b: 1 } }], { _id: 1, a: 1, b: 1 }],
    ['a single-clause $or', [{ $or: [{ _id: 1 }] }, { $set: { b: 1 } }], { _id: 1, b: 1 }],
    ['an embedded document equality', [{ _id: 1, a: { x: 1 } }, { $set: { b: 1 } }], { _id: 1, a: { x: 1 }, b: 1 }],
    ['replacement keeps the filter _id only', [{ _id: 1, a: 1 }, { b: 2 }], { _id: 1, b: 2 }],
    ['pipeline over the seed', [{ _id: 1, a: 2 }, [{ $set: { b: { $multiply: ['$a', 3] } } }]], { _id: 1, a: 2, b: 6 }],
  ];
  table(rows, ([filter, update, arrayFilters]) => buildUpsertDocument(filter, update, arrayFilters));

  it('puts _id first', () => {
    expect(Object.keys(buildUpsertDocument({ a: 1, _id: 5 }, { $set: { b: 1 } }))).toEqual(['_id', 'a', 'b']);
    expect(Object.keys(buildUpsertDocument({ _id: 5 }, { b: 1, _id: 5 }))).toEqual(['_id', 'b']);
  });

  it('generates an ObjectId when there is no _id', () => {
    const doc = buildUpsertDocument({ a: 1 }, { $set: { b: 1 } }) as Record<string, unknown>;
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(doc).toMatchObject({ a: 1, b: 1 });
  });

  it('lets the update set _id when the filter has none', () => {
    expect(buildUpsertDocument({ a: 1 }, { $set: { _id: 9 } })).toEqual({ _id: 9, a: 1 });
  });

  it('does not modify the filter or the update', () => {
    const filter = { _id: 1, a: { b: 1 } };
    const update = { $set: { 'a.c': 2 } };
    buildUpsertDocument(filter, update);
    expect(filter).toEqual({ _id: 1, a: { b: 1 } });
    expect(update).toEqual({ $set: { 'a.c': 2 } });
  });

  describe('errors', () => {
    errorTable(
      [
        ['the update changes the filter _id', [{ _id: 1 }, { $set: { _id: 2 } }], 'ImmutableField'],
        ['the replacement changes the filter _id', [{ _id: 1 }, { _id: 2 }], 'ImmutableField'],
        ['a path matched twice', [{ $and: [{ a: 1 }, { a: 2 }] }, { $set: { b: 1 } }], ['NotSingleValueField', "path 'a' is matched twice"]],
        ['a path and its prefix', [{ a: { x: 1 }, 'a.x': 1 }, { $set: { b: 1 } }], 'NotSingleValueField'],
      ] as Row<Input, string | readonly [string, string]>[],
      ([filter, update]) => buildUpsertDocument(filter, update),
    );
  });
});
