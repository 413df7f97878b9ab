import { Decimal128, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/engine/query/aggregate.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

const L = (n: number) => Long.fromNumber(n);
const DOCS = [
  { _id: 1, item: 'a', qty: L(10), price: 2, tags: ['x', 'y'] },
  { _id: 2, item: 'b', qty: L(9), price: Decimal128.fromString('1.5'), tags: ['y'] },
  { _id: 3, item: 'a', qty: 5, price: 4, tags: [] },
];

describe('engine/query/aggregate', () => {
  const rows: Row<object[], object[]>[] = [
    ['$match with Long comparison', [{ $match: { qty: { $gt: 6 } } }, { $project: { _id: 1 } }], [{ _id: 1 }, { _id: 2 }]],
    ['$sort by Long values numerically', [{ $sort: { qty: -1 } }, { $project: { _id: 1 } }], [{ _id: 1 }, { _id: 2 }, { _id: 3 }]],
    ['$sort by mixed numeric types', [{ $sort: { price: 1 } }, { $project: { _id: 1 } }], [{ _id: 2 }, { _id: 1 }, { _id: 3 }]],
    ['$project with expressions', [{ $match: { _id: 3 } }, { $project: { total: { $multiply: ['$qty', '$price'] } } }], [{ _id: 3, total: 20 }]],
    ['$group with $max in BSON order', [{ $group: { _id: null, top: { $max: '$qty' } } }], [{ _id: null, top: L(10) }]],
    ['$group with $min ignoring missing', [{ $group: { _id: '$item', low: { $min: '$qty' } } }, { $sort: { _id: 1 } }], [{ _id: 'a', low: 5 }, { _id: 'b', low: L(9) }]],
    ['$unwind and $count', [{ $unwind: '$tags' }, { $count: 'n' }], [{ n: 3 }]],
    ['$addFields then $unset', [{ $match: { _id: 1 } }, { $addFields: { z: 1 } }, { $unset: ['tags', 'qty', 'price'] }], [{ _id: 1, item: 'a', z: 1 }]],
    ['$limit and $skip', [{ $skip: 1 }, { $limit: 1 }, { $project: { _id: 1 } }], [{ _id: 2 }]],
    ['$facet runs sub-pipelines', [{ $facet: { n: [{ $count: 'c' }] } }], [{ n: [{ c: 3 }] }]],
    ['$sum of Long and Decimal128 values', [{ $group: { _id: null, n: { $sum: '$qty' }, p: { $sum: '$price' } } }], [{ _id: null, n: L(24), p: Decimal128.fromString('7.5') }]],
    ['$sum of 1 counts', [{ $group: { _id: '$item', n: { $sum: 1 } } }, { $sort: { _id: 1 } }], [{ _id: 'a', n: 2 }, { _id: 'b', n: 1 }]],
    ['$add with Long', [{ $match: { _id: 1 } }, { $project: { _id: 0, n: { $add: ['$qty', 1, 0.5] } } }], [{ n: 11.5 }]],
    ['$multiply Long by int', [{ $match: { _id: 2 } }, { $project: { _id: 0, n: { $multiply: ['$qty', 2] } } }], [{ n: L(18) }]],
    ['$subtract Long', [{ $match: { _id: 1 } }, { $project: { _id: 0, n: { $subtract: ['$qty', 3] } } }], [{ n: L(7) }]],
    ['$add a number to a date', [{ $limit: 1 }, { $project: { _id: 0, d: { $add: [new Date(1000), 500] } } }], [{ d: new Date(1500) }]],
    ['$subtract dates gives milliseconds', [{ $limit: 1 }, { $project: { _id: 0, ms: { $subtract: [new Date(1500), new Date(1000)] } } }], [{ ms: L(500) }]],
    ['arithmetic with null is null', [{ $limit: 1 }, { $project: { _id: 0, n: { $add: ['$missing', 1] } } }], [{ n: null }]],
    ['$match $expr with Long', [{ $match: { $expr: { $gte: ['$qty', 10] } } }, { $project: { _id: 1 } }], [{ _id: 1 }]],
  ];
  table(rows, (pipeline) => runPipeline(DOCS, pipeline));

  it('keeps _id first in $project output', () => {
    const [out] = runPipeline(DOCS, [{ $project: { item: 1 } }]);
    expect(Object.keys(out as object)).toEqual(['_id', 'item']);
  });

  it('resolves other collections for $lookup', () => {
    const orderId = new ObjectId();
    const orders = [{ _id: orderId, customer: 7 }];
    const customers = [{ _id: 7, name: 'Ada' }];
    const out = runPipeline(orders, [{ $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } }], {
      resolveCollection: (name) => (name === 'customers' ? customers : []),
    });
    expect(out).toEqual([{ _id: orderId, customer: 7, who: [{ _id: 7, name: 'Ada' }] }]);
  });

  it('resolves other collections for $unionWith', () => {
    const out = runPipeline([{ _id: 1 }], [{ $unionWith: { coll: 'other' } }], { resolveCollection: () => [{ _id: 2 }] });
    expect(out).toEqual([{ _id: 1 }, { _id: 2 }]);
  });

  it('does not modify its input or resolved collections', () => {
    const docs = [{ _id: 1, a: { b: 1 } }];
    const other = [{ _id: 9, c: { d: 1 } }];
    runPipeline(docs, [
      { $addFields: { 'a.x': 1 } },
      { $project: { 'a.b': 0 } },
      { $lookup: { from: 'other', pipeline: [], as: 'o' } },
      { $addFields: { 'o.c.e': 1 } },
    ], { resolveCollection: () => other });
    expect(docs).toEqual([{ _id: 1, a: { b: 1 } }]);
    expect(other).toEqual([{ _id: 9, c: { d: 1 } }]);
  });

  describe('errors', () => {
    errorTable(
      [
        ['unknown stage', [{ $foo: {} }], ['Location40324', "Unrecognized pipeline stage name: '$foo'"]],
        ['unknown stage in $facet', [{ $facet: { x: [{ $bar: 1 }] } }], ['Location40324', "'$bar'"]],
        ['two fields in a stage', [{ $match: {}, $limit: 1 }], 'Location40323'],
        ['$out', [{ $out: 'x' }], 'NotImplemented'],
        ['$merge', [{ $merge: { into: 'x' } }], 'NotImplemented'],
        ['$changeStream not first', [{ $match: {} }, { $changeStream: {} }], 'Location40602'],
        ['$sort without keys', [{ $sort: {} }], 'Location15976'],
        ['unknown operator in $match', [{ $match: { a: { $foo: 1 } } }], 'BadValue'],
        ['invalid stage argument', [{ $limit: 'x' }], 'BadValue'],
        ['$add of a string', [{ $project: { x: { $add: ['$item', 1] } } }], ['TypeMismatch', '$add only supports numeric or date types, not string']],
        ['comparison with one argument', [{ $project: { x: { $gt: ['$a'] } } }], 'Location16020'],
      ],
      (pipeline) => runPipeline(DOCS, pipeline as object[]),
    );
  });
});
