import { BSONRegExp, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, UUID } from 'bson';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/engine/query/filter.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

type Case = readonly [filter: object, doc: object];
const matches = ([filter, doc]: Case) => compileFilter(filter)(doc);

const L = (n: number | string) => (typeof n === 'string' ? Long.fromString(n) : Long.fromNumber(n));
const D = (s: string) => Decimal128.fromString(s);

describe('engine/query/filter', () => {
  describe('Long, Decimal128 and numbers', () => {
    const rows: Row<Case, boolean>[] = [
      ['Long field vs number $gt', [{ a: { $gt: 6 } }, { a: L(7) }], true],
      ['Long(10) $gt Long(8) (mingo compares as strings)', [{ a: { $gt: L(8) } }, { a: L(10) }], true],
      ['Long(9) $gt Long(8)', [{ a: { $gt: L(8) } }, { a: L(9) }], true],
      ['number equals Long', [{ a: 5 }, { a: L(5) }], true],
      ['Long equals number', [{ a: L(5) }, { a: 5 }], true],
      ['Long beyond 2^53 is exact', [{ a: L('9007199254740993') }, { a: 9007199254740992 }], false],
      ['Decimal128 10.5 $gt 10', [{ a: { $gt: D('10') } }, { a: D('10.5') }], true],
      ['Decimal128 9.5 $gt 10', [{ a: { $gt: D('10') } }, { a: D('9.5') }], false],
      ['Decimal128 vs double', [{ a: { $lt: 2 } }, { a: D('1.99') }], true],
      ['Decimal128 equality across scales', [{ a: D('1.0') }, { a: 1 }], true],
      ['$in with Long members matches number', [{ a: { $in: [L(3), 4] } }, { a: 3 }], true],
      ['$in with number members matches Long', [{ a: { $in: [3, 4] } }, { a: L(4) }], true],
      ['$nin with Long', [{ a: { $nin: [L(3)] } }, { a: 3 }], false],
      ['bson Double and Int32 wrappers are numbers', [{ a: { $gte: new Double(2.5) } }, { a: new Int32(3) }], true],
      ['NaN equals NaN', [{ a: Number.NaN }, { a: Number.NaN }], true],
      ['NaN is not $lt anything', [{ a: { $lt: 0 } }, { a: Number.NaN }], false],
      ['$gte NaN matches only NaN', [{ a: { $gte: Number.NaN } }, { a: 1 }], false],
    ];
    table(rows, matches);
  });

  describe('type bracketing', () => {
    table(
      [
        ['$gt 5 does not match a string', [{ a: { $gt: 5 } }, { a: 'z' }], false],
        ['$gt 5 does not match a date', [{ a: { $gt: 5 } }, { a: new Date(10) }], false],
        ['$lt "b" matches only strings', [{ a: { $lt: 'b' } }, { a: 1 }], false],
        ['$gt MinKey matches anything', [{ a: { $gt: new MinKey() } }, { a: 'x' }], true],
        ['$lt MaxKey matches anything', [{ a: { $lt: new MaxKey() } }, { a: {} }], true],
        ['$gt MaxKey matches nothing', [{ a: { $gt: new MaxKey() } }, { a: 1 }], false],
        ['dates compare', [{ a: { $gte: new Date(5) } }, { a: new Date(6) }], true],
        ['timestamps compare', [{ ts: { $gt: new Timestamp({ t: 1, i: 1 }) } }, { ts: new Timestamp({ t: 1, i: 2 }) }], true],
        ['ObjectId equality', [{ _id: new ObjectId('650000000000000000000001') }, { _id: new ObjectId('650000000000000000000001') }], true],
        ['ObjectId $gt', [{ _id: { $gt: new ObjectId('650000000000000000000001') } }, { _id: new ObjectId('650000000000000000000002') }], true],
        ['embedded document equality is exact and ordered', [{ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } }], false],
        ['embedded document equality', [{ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } }], true],
      ],
      matches,
    );
  });

  describe('$type by BSON type', () => {
    table(
      [
        ['int', [{ a: { $type: 'int' } }, { a: 1 }], true],
        ['int is not double', [{ a: { $type: 'double' } }, { a: 1 }], false],
        ['non-integer is double', [{ a: { $type: 'double' } }, { a: 1.5 }], true],
        ['integer beyond int32 is double', [{ a: { $type: 1 } }, { a: 2 ** 31 }], true],
        ['long', [{ a: { $type: 'long' } }, { a: L(1) }], true],
        ['long by number 18', [{ a: { $type: 18 } }, { a: L(1) }], true],
        ['decimal', [{ a: { $type: 'decimal' } }, { a: D('1') }], true],
        ['number covers all four', [{ a: { $type: 'number' } }, { a: D('1') }], true],
        ['objectId', [{ a: { $type: 'objectId' } }, { a: new ObjectId() }], true],
        ['objectId by number 7', [{ a: { $type: 7 } }, { a: new ObjectId() }], true],
        ['binData (UUID)', [{ a: { $type: 'binData' } }, { a: new UUID() }], true],
        ['string', [{ a: { $type: 2 } }, { a: 'x' }], true],
        ['object', [{ a: { $type: 'object' } }, { a: {} }], true],
        ['array matches the array', [{ a: { $type: 'array' } }, { a: [] }], true],
        ['array elements are checked too', [{ a: { $type: 'string' } }, { a: [1, 'x'] }], true],
        ['bool', [{ a: { $type: 'bool' } }, { a: false }], true],
        ['date', [{ a: { $type: 'date' } }, { a: new Date() }], true],
        ['null', [{ a: { $type: 'null' } }, { a: null }], true],
        ['missing is no type', [{ a: { $type: 'null' } }, {}], false],
        ['regex', [{ a: { $type: 'regex' } }, { a: /x/ }], true],
        ['timestamp', [{ a: { $type: 'timestamp' } }, { a: new Timestamp({ t: 1, i: 1 }) }], true],
        ['minKey', [{ a: { $type: 'minKey' } }, { a: new MinKey() }], true],
        ['maxKey by 127', [{ a: { $type: 127 } }, { a: new MaxKey() }], true],
        ['a list of types', [{ a: { $type: ['string', 'long'] } }, { a: L(2) }], true],
      ],
      matches,
    );
  });

  describe('$elemMatch', () => {
    table(
      [
        ['operators apply to scalar elements', [{ a: { $elemMatch: { $gt: 1 } } }, { a: [1, 2] }], true],
        ['all conditions on one element', [{ a: { $elemMatch: { $gt: 1, $lt: 3 } } }, { a: [0, 5] }], false],
        ['a field query does not match scalars', [{ a: { $elemMatch: { b: { $gt: 1 } } } }, { a: [1, 2] }], false],
        ['a field query matches documents', [{ a: { $elemMatch: { b: { $gt: 1 } } } }, { a: [{ b: 0 }, { b: 2 }] }], true],
        ['fields of one element', [{ a: { $elemMatch: { b: 1, c: 2 } } }, { a: [{ b: 1 }, { c: 2 }] }], false],
        ['not an array', [{ a: { $elemMatch: { $gt: 1 } } }, { a: 5 }], false],
        ['nested path', [{ 'a.b': { $elemMatch: { $eq: 'x' } } }, { a: { b: ['y', 'x'] } }], true],
        ['with $or inside', [{ a: { $elemMatch: { $or: [{ b: 1 }, { c: 1 }] } } }, { a: [{ c: 1 }] }], true],
      ],
      matches,
    );
  });

  describe('null, missing and $exists', () => {
    table(
      [
        ['null matches missing', [{ a: null }, {}], true],
        ['null matches null', [{ a: null }, { a: null }], true],
        ['null does not match a value', [{ a: null }, { a: 0 }], false],
        ['null does not match an empty array', [{ a: null }, { a: [] }], false],
        ['null matches an array containing null', [{ a: null }, { a: [1, null] }], true],
        ['dotted null through a scalar', [{ 'a.b': null }, { a: 5 }], true],
        ['dotted null through documents missing the field', [{ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] }], true],
        ['dotted null through an array of scalars', [{ 'a.b': null }, { a: [1, 2] }], false],
        ['$ne null excludes missing', [{ a: { $ne: null } }, {}], false],
        ['$exists true with null', [{ a: { $exists: true } }, { a: null }], true],
        ['$exists false with missing', [{ a: { $exists: false } }, { b: 1 }], true],
        ['$exists false through arrays', [{ 'a.b': { $exists: false } }, { a: [{ c: 1 }] }], true],
        ['$exists true through arrays', [{ 'a.b': { $exists: true } }, { a: [{ c: 1 }, { b: 2 }] }], true],
        ['$exists: 0 means false', [{ a: { $exists: 0 } }, {}], true],
        ['$gte null matches missing', [{ a: { $gte: null } }, {}], true],
        ['$gt null matches nothing', [{ a: { $gt: null } }, { a: 1 }], false],
        ['$in with null matches missing', [{ a: { $in: [null, 1] } }, {}], true],
        ['$nin with null excludes missing', [{ a: { $nin: [null] } }, {}], false],
      ],
      matches,
    );
  });

  describe('arrays and dotted paths', () => {
    table(
      [
        ['any element equals', [{ a: 2 }, { a: [1, 2, 3] }], true],
        ['the whole array equals', [{ a: [1, 2] }, { a: [1, 2] }], true],
        ['a nested array element equals', [{ a: [1, 2] }, { a: [[1, 2], 3] }], true],
        ['no flattening of nested arrays', [{ a: 1 }, { a: [[1]] }], false],
        ['range over elements', [{ a: { $gt: 2, $lt: 4 } }, { a: [1, 5] }], true],
        ['dotted through array of documents', [{ 'a.b': 2 }, { a: [{ b: 1 }, { b: 2 }] }], true],
        ['numeric component indexes an array', [{ 'a.1': 'y' }, { a: ['x', 'y'] }], true],
        ['numeric component as a field name', [{ 'a.1': 'y' }, { a: { 1: 'y' } }], true],
        ['index then field', [{ 'a.0.b': 1 }, { a: [{ b: 1 }] }], true],
        ['$ne over elements', [{ a: { $ne: 2 } }, { a: [1, 2] }], false],
        ['$all', [{ a: { $all: [1, 3] } }, { a: [3, 2, 1] }], true],
        ['$all missing one', [{ a: { $all: [1, 4] } }, { a: [3, 2, 1] }], false],
        ['$all with Long', [{ a: { $all: [L(1)] } }, { a: [1] }], true],
        ['$all with $elemMatch', [{ a: { $all: [{ $elemMatch: { b: 1 } }] } }, { a: [{ b: 1 }] }], true],
        ['$all empty matches nothing', [{ a: { $all: [] } }, { a: [] }], false],
        ['$size', [{ a: { $size: 2 } }, { a: [1, 2] }], true],
        ['$size with a Long', [{ a: { $size: L(2) } }, { a: [1, 2] }], true],
        ['$size does not count nested arrays', [{ a: { $size: 2 } }, { a: [[1, 2]] }], false],
        ['$mod', [{ a: { $mod: [4, 1] } }, { a: 9 }], true],
        ['$mod on a Long', [{ a: { $mod: [4, 1] } }, { a: L('9007199254740993') }], true],
        ['$mod truncates doubles', [{ a: { $mod: [4, 1] } }, { a: 5.9 }], true],
        ['$mod over array elements', [{ a: { $mod: [2, 0] } }, { a: [1, 3, 4] }], true],
      ],
      matches,
    );
  });

  describe('regular expressions', () => {
    table(
      [
        ['RegExp value', [{ a: /^ab/ }, { a: 'abc' }], true],
        ['BSONRegExp value with options', [{ a: new BSONRegExp('^AB', 'i') }, { a: 'abc' }], true],
        ['$regex string with $options', [{ a: { $regex: '^A', $options: 'i' } }, { a: 'abc' }], true],
        ['$regex over array elements', [{ a: { $regex: 'z' } }, { a: ['x', 'yz'] }], true],
        ['regex does not match numbers', [{ a: /1/ }, { a: 1 }], false],
        ['$in with a regex', [{ a: { $in: [/^x/, 'q'] } }, { a: 'xy' }], true],
        ['$not with a regex', [{ a: { $not: /^x/ } }, { a: 'yx' }], true],
        ['x option ignores whitespace', [{ a: new BSONRegExp('a b # comment', 'x') }, { a: 'ab' }], true],
        ['global flag is stateless', [{ a: /a/g }, { a: 'a' }], true],
      ],
      matches,
    );
  });

  describe('logical operators and $expr', () => {
    table(
      [
        ['$or', [{ $or: [{ a: 1 }, { b: 2 }] }, { b: 2 }], true],
        ['$and', [{ $and: [{ a: 1 }, { b: 2 }] }, { a: 1, b: 3 }], false],
        ['$nor', [{ $nor: [{ a: 1 }] }, { a: 2 }], true],
        ['$not with operators', [{ a: { $not: { $gt: 5 } } }, { a: 3 }], true],
        ['$not matches missing', [{ a: { $not: { $gt: 5 } } }, {}], true],
        ['$expr compares in BSON order', [{ $expr: { $gt: ['$a', '$b'] } }, { a: L(10), b: 9 }], true],
        ['$expr compares across types', [{ $expr: { $lt: ['$a', '$b'] } }, { a: 5, b: 'x' }], true],
        ['$expr: missing is not null', [{ $expr: { $eq: ['$missing', null] } }, {}], false],
        ['$expr $eq does not look inside arrays', [{ $expr: { $eq: ['$a', 1] } }, { a: [1] }], false],
        ['$comment is ignored', [{ a: 1, $comment: 'why' }, { a: 1 }], true],
        ['empty filter matches everything', [{}, { a: 1 }], true],
        ['literal document whose later key starts with $', [{ a: { b: 1, $c: 2 } }, { a: { b: 1, $c: 2 } }], true],
      ],
      matches,
    );
  });

  describe('errors', () => {
    errorTable(
      [
        ['unknown field operator', { a: { $foo: 1 } }, ['BadValue', 'unknown operator: $foo']],
        ['unknown top-level operator', { $foo: 1 }, ['BadValue', 'unknown top level operator: $foo']],
        ['top-level operator at field level', { a: { $and: [] } }, ['BadValue', 'unknown operator: $and']],
        ['non-operator key after an operator', { a: { $gt: 1, b: 2 } }, ['BadValue', 'unknown operator: b']],
        ['$in without an array', { a: { $in: 1 } }, ['BadValue', '$in needs an array']],
        ['$and with an empty array', { $and: [] }, ['BadValue', 'nonempty array']],
        ['$or with a non-array', { $or: {} }, ['BadValue', 'must be an array']],
        ['$type with an unknown alias', { a: { $type: 'foo' } }, ['BadValue', 'Unknown type name alias: foo']],
        ['$type with an invalid number', { a: { $type: 99 } }, ['BadValue', 'Invalid numerical type code: 99']],
        ['$options without $regex', { a: { $options: 'i' } }, ['BadValue', '$options needs a $regex']],
        ['$text is not implemented', { $text: { $search: 'x' } }, 'NotImplemented'],
        ['$near is not implemented', { a: { $near: [0, 0] } }, 'NotImplemented'],
        ['$where as a string is not implemented', { $where: 'this.a' }, 'NotImplemented'],
        ['$mod without an array', { a: { $mod: 4 } }, ['BadValue', 'malformed mod, needs to be an array']],
        ['$mod by zero', { a: { $mod: [0, 1] } }, ['BadValue', 'divisor cannot be 0']],
        ['$size with a fraction', { a: { $size: 1.5 } }, ['BadValue', '$size must be a whole number']],
        ['$elemMatch without an object', { a: { $elemMatch: 1 } }, ['BadValue', '$elemMatch needs an Object']],
      ],
      (filter) => compileFilter(filter),
    );

    it('reports mingo expression errors as BadValue when a document is tested', () => {
      const test = compileFilter({ $expr: { $add: ['$a', { $foo: 1 }] } });
      expect(() => test({ a: 1 })).toThrow(expect.objectContaining({ codeName: 'BadValue' }));
    });
  });

  it('compiles once and reuses the predicate for many documents', () => {
    const test = compileFilter({ 'fullDocument.qty': { $gte: L(10) }, operationType: { $in: ['insert', 'update'] } });
    const docs = Array.from({ length: 1000 }, (_, i) => ({ operationType: i % 2 ? 'insert' : 'delete', fullDocument: { qty: i } }));
    expect(docs.filter(test)).toHaveLength(495);
  });
});
