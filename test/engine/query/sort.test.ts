import { Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { sortDocuments } from '../../../src/engine/query/sort.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

type Doc = { _id: number; [k: string]: unknown };
const ids = ([docs, spec]: readonly [Doc[], object]) => sortDocuments(docs, spec).map((d) => d._id);

describe('engine/query/sort', () => {
  it('sorts mixed types in BSON order', () => {
    const values = [
      new MaxKey(),
      /re/,
      new Timestamp({ t: 1, i: 1 }),
      new Date(0),
      true,
      new ObjectId(),
      { x: 1 },
      'str',
      Long.fromNumber(3),
      2.5,
      null,
      new MinKey(),
    ];
    const docs = values.map((a, i) => ({ _id: i, a }));
    expect(sortDocuments(docs, { a: 1 }).map((d) => d._id)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(sortDocuments(docs, { a: -1 }).map((d) => d._id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  const rows: Row<readonly [Doc[], object], number[]>[] = [
    [
      'Long and Decimal128 by value',
      [[{ _id: 1, a: Long.fromNumber(10) }, { _id: 2, a: Decimal128.fromString('9.5') }, { _id: 3, a: 9 }], { a: 1 }],
      [3, 2, 1],
    ],
    ['missing sorts as null, stable', [[{ _id: 1, a: 1 }, { _id: 2 }, { _id: 3, a: null }], { a: 1 }], [2, 3, 1]],
    ['stable for equal keys', [[{ _id: 1, a: 1 }, { _id: 2, a: 1 }, { _id: 3, a: 1 }], { a: -1 }], [1, 2, 3]],
    [
      'several keys',
      [[{ _id: 1, a: 1, b: 1 }, { _id: 2, a: 1, b: 2 }, { _id: 3, a: 0, b: 0 }], { a: 1, b: -1 }],
      [3, 2, 1],
    ],
    ['dotted path', [[{ _id: 1, a: { b: 2 } }, { _id: 2, a: { b: 1 } }], { 'a.b': 1 }], [2, 1]],
    [
      'ascending uses the smallest array element',
      [[{ _id: 1, a: [5, 1] }, { _id: 2, a: [2, 3] }], { a: 1 }],
      [1, 2],
    ],
    [
      'descending uses the largest array element',
      [[{ _id: 1, a: [5, 1] }, { _id: 2, a: [2, 6] }], { a: -1 }],
      [2, 1],
    ],
    ['an empty array sorts before null', [[{ _id: 1, a: null }, { _id: 2, a: [] }], { a: 1 }], [2, 1]],
    [
      'dotted path through an array of documents',
      [[{ _id: 1, a: [{ b: 3 }, { b: 9 }] }, { _id: 2, a: [{ b: 4 }] }], { 'a.b': 1 }],
      [1, 2],
    ],
    ['empty spec keeps the input order', [[{ _id: 2 }, { _id: 1 }], {}], [2, 1]],
    ['$natural ascending is the input order', [[{ _id: 2 }, { _id: 1 }, { _id: 3 }], { $natural: 1 }], [2, 1, 3]],
    ['$natural descending reverses it', [[{ _id: 2 }, { _id: 1 }, { _id: 3 }], { $natural: -1 }], [3, 1, 2]],
    ['direction as Long', [[{ _id: 1, a: 1 }, { _id: 2, a: 2 }], { a: Long.fromNumber(-1) }], [2, 1]],
  ];
  table(rows, ids);

  it('does not modify its input', () => {
    const docs = [{ _id: 2 }, { _id: 1 }];
    sortDocuments(docs, { _id: 1 });
    expect(docs).toEqual([{ _id: 2 }, { _id: 1 }]);
  });

  describe('errors', () => {
    errorTable(
      [
        ['direction 2', { a: 2 }, ['Location15975', 'must be 1 (for ascending) or -1 (for descending)']],
        ['direction as a string', { a: 'asc' }, 'Location15975'],
        ['$meta', { score: { $meta: 'textScore' } }, 'NotImplemented'],
      ],
      (spec) => sortDocuments([{ a: 1 }], spec),
    );
  });
});
