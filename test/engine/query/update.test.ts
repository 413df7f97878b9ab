import { Decimal128, Long, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { applyUpdate, type ApplyUpdateOptions, type UpdateDescription } from '../../../src/engine/query/update.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

const L = (n: number | string) => (typeof n === 'string' ? Long.fromString(n) : Long.fromNumber(n));
const D = (s: string) => Decimal128.fromString(s);

/** Freezes a document deeply, so that any modification of an update's input throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype || Array.isArray(value)) {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

type Input = readonly [doc: object, update: object, opts?: ApplyUpdateOptions];
const run = ([doc, update, opts]: Input) => applyUpdate(deepFreeze(doc), update, opts);
const updated = (fields: Record<string, unknown>, removed: string[] = [], truncated: UpdateDescription['truncatedArrays'] = []) => ({
  updatedFields: fields,
  removedFields: removed,
  truncatedArrays: truncated,
});

/** The new document and the updateDescription. */
const docAndDescription = (input: Input) => {
  const { doc, description } = run(input);
  return { doc, description };
};

describe('engine/query/update', () => {
  describe('modifiers: new document and updateDescription', () => {
    const rows: Row<Input, { doc: object; description: UpdateDescription }>[] = [
      ['$set a field', [{ _id: 1, a: 1 }, { $set: { a: 2 } }], { doc: { _id: 1, a: 2 }, description: updated({ a: 2 }) }],
      [
        '$set a dotted path is logged as written',
        [{ _id: 1, b: { x: 1 } }, { $set: { 'b.c': 1 } }],
        { doc: { _id: 1, b: { x: 1, c: 1 } }, description: updated({ 'b.c': 1 }) },
      ],
      [
        '$set creating parents is logged at the first new field',
        [{ _id: 1 }, { $set: { 'b.c.d': 1 } }],
        { doc: { _id: 1, b: { c: { d: 1 } } }, description: updated({ b: { c: { d: 1 } } }) },
      ],
      [
        'two paths under one created parent',
        [{ _id: 1 }, { $set: { 'b.y': 2, 'b.x': 1 } }],
        { doc: { _id: 1, b: { x: 1, y: 2 } }, description: updated({ b: { x: 1, y: 2 } }) },
      ],
      [
        '$set an array element beyond the end pads with null',
        [{ _id: 1, arr: [1] }, { $set: { 'arr.3': 4 } }],
        { doc: { _id: 1, arr: [1, null, null, 4] }, description: updated({ 'arr.3': 4 }) },
      ],
      ['$unset', [{ _id: 1, a: 1, b: 2 }, { $unset: { a: '' } }], { doc: { _id: 1, b: 2 }, description: updated({}, ['a']) }],
      [
        '$unset an array element sets it to null',
        [{ _id: 1, arr: [1, 2, 3] }, { $unset: { 'arr.1': 1 } }],
        { doc: { _id: 1, arr: [1, null, 3] }, description: updated({ 'arr.1': null }) },
      ],
      [
        '$unset of a null array element is still logged',
        [{ _id: 1, arr: [null] }, { $unset: { 'arr.0': 1 } }],
        { doc: { _id: 1, arr: [null] }, description: updated({ 'arr.0': null }) },
      ],
      [
        '$push that appends logs each element',
        [{ _id: 1, arr: [1, 2, 3] }, { $push: { arr: { $each: [4, 5] } } }],
        { doc: { _id: 1, arr: [1, 2, 3, 4, 5] }, description: updated({ 'arr.3': 4, 'arr.4': 5 }) },
      ],
      [
        '$push to an empty array logs the array',
        [{ _id: 1, arr: [] }, { $push: { arr: 1 } }],
        { doc: { _id: 1, arr: [1] }, description: updated({ arr: [1] }) },
      ],
      [
        '$push creating the array logs the array',
        [{ _id: 1 }, { $push: { arr: 1 } }],
        { doc: { _id: 1, arr: [1] }, description: updated({ arr: [1] }) },
      ],
      [
        '$push with $position logs the array',
        [{ _id: 1, arr: [1, 2] }, { $push: { arr: { $each: [0], $position: 0 } } }],
        { doc: { _id: 1, arr: [0, 1, 2] }, description: updated({ arr: [0, 1, 2] }) },
      ],
      [
        '$push with a negative $position',
        [{ _id: 1, arr: [1, 2, 3] }, { $push: { arr: { $each: [9], $position: -1 } } }],
        { doc: { _id: 1, arr: [1, 2, 9, 3] }, description: updated({ arr: [1, 2, 9, 3] }) },
      ],
      [
        '$push with $sort logs the array',
        [{ _id: 1, arr: [3, 1] }, { $push: { arr: { $each: [2], $sort: 1 } } }],
        { doc: { _id: 1, arr: [1, 2, 3] }, description: updated({ arr: [1, 2, 3] }) },
      ],
      [
        '$push with $sort by field',
        [{ _id: 1, arr: [{ s: 3 }, { s: 1 }] }, { $push: { arr: { $each: [{ s: 2 }], $sort: { s: -1 } } } }],
        { doc: { _id: 1, arr: [{ s: 3 }, { s: 2 }, { s: 1 }] }, description: updated({ arr: [{ s: 3 }, { s: 2 }, { s: 1 }] }) },
      ],
      [
        '$push with a truncating $slice logs the array',
        [{ _id: 1, arr: [1, 2, 3] }, { $push: { arr: { $each: [4], $slice: -2 } } }],
        { doc: { _id: 1, arr: [3, 4] }, description: updated({ arr: [3, 4] }) },
      ],
      [
        '$push with a $slice that keeps everything still appends',
        [{ _id: 1, arr: [1] }, { $push: { arr: { $each: [2], $slice: 5 } } }],
        { doc: { _id: 1, arr: [1, 2] }, description: updated({ 'arr.1': 2 }) },
      ],
      ['$pop last', [{ _id: 1, arr: [1, 2, 3] }, { $pop: { arr: 1 } }], { doc: { _id: 1, arr: [1, 2] }, description: updated({ arr: [1, 2] }) }],
      ['$pop first', [{ _id: 1, arr: [1, 2, 3] }, { $pop: { arr: -1 } }], { doc: { _id: 1, arr: [2, 3] }, description: updated({ arr: [2, 3] }) }],
      [
        '$pull by value',
        [{ _id: 1, arr: [1, 2, 1, L(1)] }, { $pull: { arr: 1 } }],
        { doc: { _id: 1, arr: [2] }, description: updated({ arr: [2] }) },
      ],
      [
        '$pull by condition',
        [{ _id: 1, arr: [1, 5, 7] }, { $pull: { arr: { $gte: 5 } } }],
        { doc: { _id: 1, arr: [1] }, description: updated({ arr: [1] }) },
      ],
      [
        '$pull by document query',
        [{ _id: 1, arr: [{ s: 8, i: 'b' }, { s: 8, i: 'a' }, 3] }, { $pull: { arr: { s: 8, i: 'b' } } }],
        { doc: { _id: 1, arr: [{ s: 8, i: 'a' }, 3] }, description: updated({ arr: [{ s: 8, i: 'a' }, 3] }) },
      ],
      [
        '$pullAll',
        [{ _id: 1, arr: [0, 1, 2, 1] }, { $pullAll: { arr: [1, 2] } }],
        { doc: { _id: 1, arr: [0] }, description: updated({ arr: [0] }) },
      ],
      [
        '$addToSet logs the array',
        [{ _id: 1, arr: [1, 2] }, { $addToSet: { arr: { $each: [2, 3, 3] } } }],
        { doc: { _id: 1, arr: [1, 2, 3] }, description: updated({ arr: [1, 2, 3] }) },
      ],
      ['$inc', [{ _id: 1, n: 1 }, { $inc: { n: 2 } }], { doc: { _id: 1, n: 3 }, description: updated({ n: 3 }) }],
      ['$inc creates the field', [{ _id: 1 }, { $inc: { n: L(2) } }], { doc: { _id: 1, n: L(2) }, description: updated({ n: L(2) }) }],
      ['$inc Long + int is Long', [{ _id: 1, n: L(5) }, { $inc: { n: 1 } }], { doc: { _id: 1, n: L(6) }, description: updated({ n: L(6) }) }],
      ['$inc int + Long is Long', [{ _id: 1, n: 5 }, { $inc: { n: L(1) } }], { doc: { _id: 1, n: L(6) }, description: updated({ n: L(6) }) }],
      ['$inc Long + double is double', [{ _id: 1, n: L(5) }, { $inc: { n: 0.5 } }], { doc: { _id: 1, n: 5.5 }, description: updated({ n: 5.5 }) }],
      [
        '$inc int overflow becomes Long',
        [{ _id: 1, n: 2147483647 }, { $inc: { n: 1 } }],
        { doc: { _id: 1, n: L(2147483648) }, description: updated({ n: L(2147483648) }) },
      ],
      [
        '$inc Decimal128',
        [{ _id: 1, n: D('1') }, { $inc: { n: 0.1 } }],
        { doc: { _id: 1, n: D('1.100000000000000') }, description: updated({ n: D('1.100000000000000') }) },
      ],
      [
        '$mul int overflow becomes Long',
        [{ _id: 1, n: 65536 }, { $mul: { n: 65536 } }],
        { doc: { _id: 1, n: L(4294967296) }, description: updated({ n: L(4294967296) }) },
      ],
      ['$mul on a missing field sets 0', [{ _id: 1 }, { $mul: { n: 5 } }], { doc: { _id: 1, n: 0 }, description: updated({ n: 0 }) }],
      ['$min lowers', [{ _id: 1, n: 5 }, { $min: { n: L(3) } }], { doc: { _id: 1, n: L(3) }, description: updated({ n: L(3) }) }],
      ['$max across types (string > number)', [{ _id: 1, n: 5 }, { $max: { n: 'a' } }], { doc: { _id: 1, n: 'a' }, description: updated({ n: 'a' }) }],
      [
        '$rename',
        [{ _id: 1, a: 1, b: 2 }, { $rename: { a: 'c.d' } }],
        { doc: { _id: 1, b: 2, c: { d: 1 } }, description: updated({ c: { d: 1 } }, ['a']) },
      ],
      [
        '$rename onto an existing field',
        [{ _id: 1, a: 1, b: 2 }, { $rename: { a: 'b' } }],
        { doc: { _id: 1, b: 1 }, description: updated({ b: 1 }, ['a']) },
      ],
      [
        '$bit and/or/xor',
        [{ _id: 1, a: 13, b: L(1) }, { $bit: { a: { and: 10, or: 1 }, b: { xor: 3 } } }],
        { doc: { _id: 1, a: 9, b: L(2) }, description: updated({ a: 9, b: L(2) }) },
      ],
      [
        'several modifiers',
        [{ _id: 1, a: 1, arr: [1] }, { $set: { 'b.c': 1 }, $inc: { a: 1 }, $push: { arr: 2 } }],
        { doc: { _id: 1, a: 2, arr: [1, 2], b: { c: 1 } }, description: updated({ a: 2, b: { c: 1 }, 'arr.1': 2 }) },
      ],
      [
        '$setOnInsert is ignored on update',
        [{ _id: 1 }, { $setOnInsert: { a: 1 }, $set: { b: 1 } }],
        { doc: { _id: 1, b: 1 }, description: updated({ b: 1 }) },
      ],
      [
        '$setOnInsert applies on the insert path',
        [{ _id: 1 }, { $setOnInsert: { a: 1 } }, { isInsert: true }],
        { doc: { _id: 1, a: 1 }, description: updated({ a: 1 }) },
      ],
      [
        'arrayFilters',
        [{ _id: 1, g: [{ s: 1 }, { s: 5 }, { s: 7 }] }, { $inc: { 'g.$[hi].s': 1 } }, { arrayFilters: [{ 'hi.s': { $gte: 5 } }] }],
        { doc: { _id: 1, g: [{ s: 1 }, { s: 6 }, { s: 8 }] }, description: updated({ 'g.1.s': 6, 'g.2.s': 8 }) },
      ],
      [
        'arrayFilters on scalar elements',
        [{ _id: 1, g: [1, 5, 7] }, { $set: { 'g.$[x]': 0 } }, { arrayFilters: [{ x: { $gt: 4 } }] }],
        { doc: { _id: 1, g: [1, 0, 0] }, description: updated({ 'g.1': 0, 'g.2': 0 }) },
      ],
      [
        'all positional $[]',
        [{ _id: 1, g: [1, 2] }, { $mul: { 'g.$[]': 10 } }],
        { doc: { _id: 1, g: [10, 20] }, description: updated({ 'g.0': 10, 'g.1': 20 }) },
      ],
      [
        'positional $ from the filter',
        [{ _id: 1, g: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] }, { $set: { 'g.$.v': 9 } }, { filter: { 'g.k': 'b' } }],
        { doc: { _id: 1, g: [{ k: 'a', v: 1 }, { k: 'b', v: 9 }] }, description: updated({ 'g.1.v': 9 }) },
      ],
      [
        '$currentDate',
        [{ _id: 1 }, { $currentDate: { at: true, ts: { $type: 'timestamp' } } }, { now: new Date(5000) }],
        {
          doc: { _id: 1, at: new Date(5000), ts: new Timestamp({ t: 5, i: 1 }) },
          description: updated({ at: new Date(5000), ts: new Timestamp({ t: 5, i: 1 }) }),
        },
      ],
    ];
    table(rows, docAndDescription);
  });

  it('creates new fields in mongod order: lexicographic paths, numeric names numerically', () => {
    const { doc } = applyUpdate({ _id: 1 }, { $set: { z: 1, a: 1, 10: 1, 9: 1 }, $inc: { m: 1 } });
    expect(Object.keys(doc)).toEqual(['9', '10', '_id', 'a', 'm', 'z']);
  });

  it('reports updatedFields in mongod order: updates, then inserts, then sub-documents', () => {
    const { description } = applyUpdate({ _id: 1, a: 1, s: { x: 1 } }, { $set: { 's.x': 2, new: 1, a: 2 } });
    expect(Object.keys(description?.updatedFields ?? {})).toEqual(['a', 'new', 's.x']);
  });

  describe('no-ops (changed: false)', () => {
    table(
      [
        ['$set to the same value', [{ _id: 1, a: { b: [1] } }, { $set: { a: { b: [1] } } }], undefined],
        ['$set with an empty operand', [{ _id: 1 }, { $set: {} }], undefined],
        ['$inc by 0', [{ _id: 1, a: 1 }, { $inc: { a: 0 } }], undefined],
        ['$unset of a missing field', [{ _id: 1 }, { $unset: { a: 1, 'b.c': 1 } }], undefined],
        ['$unset through a scalar', [{ _id: 1, a: 5 }, { $unset: { 'a.b': 1 } }], undefined],
        ['$pull without a match', [{ _id: 1, a: [1] }, { $pull: { a: 2 } }], undefined],
        ['$pop of an empty array', [{ _id: 1, a: [] }, { $pop: { a: 1 } }], undefined],
        ['$addToSet of a present value', [{ _id: 1, a: [L(1)] }, { $addToSet: { a: 1 } }], undefined],
        ['$min not smaller', [{ _id: 1, a: 1 }, { $min: { a: 2 } }], undefined],
        ['$rename of a missing field', [{ _id: 1 }, { $rename: { a: 'b' } }], undefined],
        ['$push of nothing', [{ _id: 1, a: [1] }, { $push: { a: { $each: [] } } }], undefined],
        ['$set _id to its own value', [{ _id: 1 }, { $set: { _id: 1 } }], undefined],
        ['identical replacement', [{ _id: 1, a: 1 }, { a: 1 }], undefined],
        ['pipeline that changes nothing', [{ _id: 1, a: 1 }, [{ $set: { a: 1 } }]], undefined],
      ] satisfies Row<Input, undefined>[],
      (input) => {
        const result = run(input);
        expect(result.doc).toBe(input[0]);
        return result.description ?? (result.changed ? 'changed' : undefined);
      },
    );
  });

  describe('replacement documents', () => {
    it('keeps the original _id and is a replace event (no description)', () => {
      const result = applyUpdate(deepFreeze({ _id: 1, a: 1 }), { b: 2 });
      expect(result).toEqual({ doc: { _id: 1, b: 2 }, changed: true, description: null, disambiguatedPaths: {} });
      expect(Object.keys(result.doc)).toEqual(['_id', 'b']);
    });

    it('accepts the same _id of another numeric type', () => {
      expect(applyUpdate({ _id: 1, a: 1 }, { _id: L(1), a: 2 }).doc).toEqual({ _id: L(1), a: 2 });
    });
  });

  describe('pipeline updates', () => {
    const rows: Row<Input, { doc: object; description: UpdateDescription | null }>[] = [
      [
        'spec: array truncation',
        [{ _id: 1, array: ['foo', { a: 'bar' }, 1, 2, 3] }, [{ $set: { array: ['foo', { a: 'bar' }] } }]],
        { doc: { _id: 1, array: ['foo', { a: 'bar' }] }, description: updated({}, [], [{ field: 'array', newSize: 2 }]) },
      ],
      [
        '$set and $unset',
        [{ _id: 1, a: 1, b: 'some long text that keeps the diff small', c: 3 }, [{ $set: { a: 2 } }, { $unset: 'c' }]],
        { doc: { _id: 1, a: 2, b: 'some long text that keeps the diff small' }, description: updated({ a: 2 }, ['c']) },
      ],
      [
        'removing _id keeps it',
        [{ _id: 1, a: 'x'.repeat(40), b: 1 }, [{ $unset: ['_id', 'b'] }]],
        { doc: { _id: 1, a: 'x'.repeat(40) }, description: updated({}, ['b']) },
      ],
      [
        'a diff larger than the document is a replace event',
        [{ _id: 1, a: 1 }, [{ $replaceWith: { _id: 1, b: 2 } }]],
        { doc: { _id: 1, b: 2 }, description: null },
      ],
      [
        'expressions over the document keep Long arithmetic',
        [{ _id: 1, qty: L(5), note: 'a fairly long note that is not changed' }, [{ $set: { qty: { $add: ['$qty', 1] } } }]],
        { doc: { _id: 1, qty: L(6), note: 'a fairly long note that is not changed' }, description: updated({ qty: L(6) }) },
      ],
    ];
    table(rows, docAndDescription);
  });

  describe('disambiguatedPaths', () => {
    table(
      [
        ['numeric field name', [{ _id: 1, a: { 1: 1 } }, { $set: { 'a.1': 2 } }], { 'a.1': ['a', '1'] }],
        ['array index then numeric field name', [{ _id: 1, a: [{ 1: 1 }] }, { $set: { 'a.0.1': 2 } }], { 'a.0.1': ['a', 0, '1'] }],
        ['an array index alone is not ambiguous', [{ _id: 1, a: [1] }, { $set: { 'a.0': 2 } }], {}],
      ] as Row<Input, object>[],
      (input) => run(input).disambiguatedPaths,
    );
  });

  describe('errors', () => {
    errorTable(
      [
        ['$set _id', [{ _id: 1 }, { $set: { _id: 2 } }], ['ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'"]],
        ['$unset _id', [{ _id: 1 }, { $unset: { _id: 1 } }], 'ImmutableField'],
        ['$set inside _id', [{ _id: { a: 1 } }, { $set: { '_id.a': 2 } }], ['ImmutableField', "the path '_id.a'"]],
        ['replacement changing _id', [{ _id: 1 }, { _id: 2 }], ['ImmutableField', "the (immutable) field '_id' was found to have been altered to _id: 2"]],
        ['pipeline changing _id', [{ _id: 1 }, [{ $set: { _id: 2 } }]], 'ImmutableField'],
        ['unknown modifier', [{ _id: 1 }, { $foo: { a: 1 } }], ['BadValue', 'Unknown modifier: $foo. Expected a valid update modifier or pipeline-style update specified as an array']],
        ['non-modifier field after a modifier', [{ _id: 1 }, { $set: { a: 1 }, b: 1 }], ['BadValue', 'Unknown modifier: b']],
        ['modifier operand not a document', [{ _id: 1 }, { $set: 5 }], ['FailedToParse', 'Modifiers operate on fields but we found type int instead']],
        ['$-prefixed field in a replacement', [{ _id: 1 }, { a: 1, $set: { b: 1 } }], ['DollarPrefixedFieldName', "The dollar ($) prefixed field '$set'"]],
        ['conflicting modifiers', [{ _id: 1 }, { $set: { a: 1 }, $inc: { a: 1 } }], ['ConflictingUpdateOperators', "Updating the path 'a' would create a conflict at 'a'"]],
        ['conflicting prefix', [{ _id: 1 }, { $set: { a: 1, 'a.b': 1 } }], ['ConflictingUpdateOperators', "Updating the path 'a.b' would create a conflict at 'a'"]],
        ['$inc with a string', [{ _id: 1 }, { $inc: { a: 'x' } }], ['TypeMismatch', 'Cannot increment with non-numeric argument: {a: "x"}']],
        ['$inc of a string field', [{ _id: 1, a: 's' }, { $inc: { a: 1 } }], ['TypeMismatch', "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type string"]],
        ['$mul of a string field', [{ _id: 1, a: 's' }, { $mul: { a: 2 } }], ['TypeMismatch', 'Cannot apply $mul']],
        ['$inc overflowing a Long', [{ _id: 1, a: Long.MAX_VALUE }, { $inc: { a: 1 } }], ['BadValue', 'Failed to apply $inc']],
        ['creating a field in a scalar', [{ _id: 1, a: 5 }, { $set: { 'a.b': 1 } }], ['PathNotViable', "Cannot create field 'b' in element {a: 5}"]],
        ['creating a field in an array', [{ _id: 1, a: [1] }, { $set: { 'a.b': 1 } }], 'PathNotViable'],
        ['empty path', [{ _id: 1 }, { $set: { '': 1 } }], 'EmptyFieldName'],
        ['empty component', [{ _id: 1 }, { $set: { 'a..b': 1 } }], ['EmptyFieldName', "The update path 'a..b' contains an empty field name"]],
        ['$-prefixed component', [{ _id: 1 }, { $set: { 'a.$x': 1 } }], 'DollarPrefixedFieldName'],
        ['$push to a non-array', [{ _id: 1, a: 1 }, { $push: { a: 1 } }], ['BadValue', "The field 'a' must be an array but is of type int in document {_id: 1}"]],
        ['$push with an unknown clause', [{ _id: 1 }, { $push: { a: { $each: [1], $foo: 1 } } }], ['BadValue', 'Unrecognized clause in $push: $foo']],
        ['$push with a non-array $each', [{ _id: 1 }, { $push: { a: { $each: 1 } } }], 'BadValue'],
        ['$addToSet to a non-array', [{ _id: 1, a: 1 }, { $addToSet: { a: 1 } }], ['BadValue', 'Cannot apply $addToSet to non-array field']],
        ['$pop of a non-array', [{ _id: 1, a: 1 }, { $pop: { a: 1 } }], ['TypeMismatch', "Path 'a' contains an element of non-array type 'int'"]],
        ['$pop with 2', [{ _id: 1, a: [] }, { $pop: { a: 2 } }], ['FailedToParse', '$pop expects 1 or -1, found: 2']],
        ['$pull from a non-array', [{ _id: 1, a: 1 }, { $pull: { a: 1 } }], 'BadValue'],
        ['$pullAll without an array', [{ _id: 1 }, { $pullAll: { a: 1 } }], 'BadValue'],
        ['$rename to a non-string', [{ _id: 1 }, { $rename: { a: 1 } }], 'BadValue'],
        ['$rename onto its own path', [{ _id: 1 }, { $rename: { a: 'a.b' } }], ['BadValue', 'must not be on the same path']],
        ['$rename out of an array', [{ _id: 1, a: [{ b: 1 }] }, { $rename: { 'a.0.b': 'c' } }], ['BadValue', 'The source field cannot be an array element']],
        ['$currentDate with a string', [{ _id: 1 }, { $currentDate: { a: 'x' } }], 'BadValue'],
        ['$bit with a double', [{ _id: 1 }, { $bit: { a: { and: 1.5 } } }], 'BadValue'],
        ['$bit of a double field', [{ _id: 1, a: 1.5 }, { $bit: { a: { or: 1 } } }], 'BadValue'],
        ['$[id] without a filter', [{ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } }], ['BadValue', "No array filter found for identifier 'x' in path 'a.$[x]'"]],
        ['unused array filter', [{ _id: 1, a: [1] }, { $set: { a: 1 } }, { arrayFilters: [{ x: 1 }] }], ['FailedToParse', "The array filter for identifier 'x' was not used"]],
        ['array filter with two identifiers', [{ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } }, { arrayFilters: [{ x: 1, y: 1 }] }], 'FailedToParse'],
        ['$[] on a missing array', [{ _id: 1 }, { $set: { 'a.$[]': 1 } }], ['BadValue', "The path 'a' must exist in the document in order to apply array updates."]],
        ['$[] on a non-array', [{ _id: 1, a: 1 }, { $set: { 'a.$[]': 1 } }], ['BadValue', 'Cannot apply array updates to non-array element a: 1']],
        ['positional $ without a filter', [{ _id: 1, a: [1] }, { $set: { 'a.$': 1 } }], ['BadValue', 'The positional operator did not find the match needed from the query.']],
        ['stage not allowed in an update pipeline', [{ _id: 1 }, [{ $group: { _id: null } }]], ['InvalidOptions', '$group is not allowed to be used within an update']],
        ['update that is neither a document nor an array', [{ _id: 1 }, 5 as unknown as object], 'FailedToParse'],
      ] as Row<Input, string | readonly [string, string]>[],
      run,
    );
  });
});
