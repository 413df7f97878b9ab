import { Binary, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { assertMatches, findMismatch, MatchError, type MatchContext } from './match.js';

const oid = new ObjectId('5f1d7a2b9c8e4f0012345678');
const lsid = { id: new Binary(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'), 4) };

const context: MatchContext = {
  entity(name) {
    if (name === 'savedId') return oid;
    throw new Error(`no entity ${name}`);
  },
  sessionLsid(name) {
    if (name === 'session0') return lsid;
    throw new Error(`no session ${name}`);
  },
};

/** [description, expected, actual, root, outcome]: outcome is 'match' or the mismatch path plus a message fragment. */
type Row = [string, unknown, unknown, boolean, 'match' | { path: string; says: string }];

const rows: Row[] = [
  // Documents
  ['root document allows extra fields', { x: 1 }, { x: 1, y: 2 }, true, 'match'],
  ['nested document rejects extra fields', { a: { x: 1 } }, { a: { x: 1, y: 2 } }, true, { path: 'a', says: 'unexpected field(s) "y"' }],
  ['non-root document rejects extra fields', { x: 1 }, { x: 1, y: 2 }, false, { path: '', says: 'unexpected field(s) "y"' }],
  ['empty nested document matches only an empty one', { cursor: {} }, { cursor: {} }, true, 'match'],
  ['empty nested document rejects content', { cursor: {} }, { cursor: { batchSize: 1 } }, true, { path: 'cursor', says: '"batchSize"' }],
  ['missing field fails', { x: 1, y: 1 }, { x: 1 }, true, { path: 'y', says: 'absent' }],
  ['key order does not matter', { x: 1, y: 1 }, { y: 1, x: 1 }, true, 'match'],
  ['document expected, scalar found', { a: { b: 1 } }, { a: 5 }, true, { path: 'a', says: 'expected a document' }],
  ['scalar expected, document found', { a: 5 }, { a: { b: 1 } }, true, { path: 'a', says: 'expected 5' }],
  ['deep path is reported', { a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }, true, { path: 'a.b[1].c', says: 'expected 2, got 3' }],
  ['keys with dots are bracketed', { d: { 'a.1': ['a', '1'] } }, { d: { 'a.1': ['a', 1] } }, true, { path: 'd["a.1"][1]', says: 'expected "1", got 1' }],
  ['undefined-valued actual keys count as absent', { a: { x: 1 } }, { a: { x: 1, y: undefined } }, true, 'match'],
  // Arrays
  ['arrays match element-wise', [1, 'a', { b: 1 }], [1, 'a', { b: 1 }], false, 'match'],
  ['arrays must have the same length', [1, 2], [1, 2, 3], false, { path: '', says: 'array of 2 element(s)' }],
  ['array elements are not root documents', [{ x: 1 }], [{ x: 1, y: 1 }], false, { path: '[0]', says: '"y"' }],
  ['array expected, document found', { a: [] }, { a: {} }, true, { path: 'a', says: 'expected an array' }],
  // Scalars and flexible numerics
  ['int matches double of the same value', { n: 1 }, { n: new Double(1) }, true, 'match'],
  ['int matches Long of the same value', { n: 1 }, { n: Long.fromNumber(1) }, true, 'match'],
  ['int matches Int32', { n: 7 }, { n: new Int32(7) }, true, 'match'],
  ['int does not match 1.5', { n: 1 }, { n: 1.5 }, true, { path: 'n', says: 'expected 1, got 1.5' }],
  ['big Longs compare exactly', { n: Long.fromString('9007199254740993') }, { n: Long.fromString('9007199254740993') }, true, 'match'],
  ['number does not match numeric string', { n: 1 }, { n: '1' }, true, { path: 'n', says: 'expected 1' }],
  ['null matches null', { f: null }, { f: null }, true, 'match'],
  ['null does not match an absent field', { f: null }, {}, true, { path: 'f', says: 'absent' }],
  ['booleans compare strictly', { b: true }, { b: 1 }, true, { path: 'b', says: 'expected true' }],
  ['ObjectIds compare by value', { _id: oid }, { _id: new ObjectId(oid.toHexString()) }, true, 'match'],
  ['Timestamps compare by value', { t: new Timestamp({ t: 5, i: 1 }) }, { t: new Timestamp({ t: 5, i: 2 }) }, true, { path: 't', says: 'expected' }],
  ['Dates compare by time', { d: new Date(1000) }, { d: new Date(1000) }, true, 'match'],
  // $$exists
  ['$$exists true accepts null', { f: { $$exists: true } }, { f: null }, true, 'match'],
  ['$$exists true fails when absent', { f: { $$exists: true } }, {}, true, { path: 'f', says: 'to exist' }],
  ['$$exists false accepts absence', { f: { $$exists: false } }, { g: 1 }, true, 'match'],
  ['$$exists false fails when present', { f: { $$exists: false } }, { f: 0 }, true, { path: 'f', says: 'to be absent' }],
  ['$$exists false inside a nested document', { cs: { showExpandedEvents: { $$exists: false } } }, { cs: {} }, true, 'match'],
  // $$type
  ['$$type int accepts a small integer', { v: { $$type: 'int' } }, { v: 0 }, true, 'match'],
  ['$$type int rejects a string', { v: { $$type: 'int' } }, { v: '0' }, true, { path: 'v', says: 'type int' }],
  ['$$type list accepts Long', { getMore: { $$type: ['int', 'long'] } }, { getMore: Long.fromNumber(42) }, true, 'match'],
  ['$$type object', { u: { $$type: 'object' } }, { u: { a: 1 } }, true, 'match'],
  ['$$type object rejects an array', { u: { $$type: 'object' } }, { u: [] }, true, { path: 'u', says: 'type object' }],
  ['$$type does not look inside arrays', { a: { $$type: 'array' } }, { a: ['x', 1] }, true, 'match'],
  ['$$type fails on absence', { v: { $$type: 'string' } }, {}, true, { path: 'v', says: 'absent' }],
  ['$$type double rejects an integer Long', { v: { $$type: 'double' } }, { v: Long.fromNumber(3) }, true, { path: 'v', says: 'type double' }],
  ['$$type timestamp', { v: { $$type: 'timestamp' } }, { v: new Timestamp({ t: 1, i: 1 }) }, true, 'match'],
  ['$$type binData', { v: { $$type: 'binData' } }, { v: new Binary(Buffer.from('ab')) }, true, 'match'],
  // $$unsetOrMatches
  ['$$unsetOrMatches accepts absence', { d: { $$unsetOrMatches: { $$exists: true } } }, {}, true, 'match'],
  ['$$unsetOrMatches with nested $$exists accepts any value', { d: { $$unsetOrMatches: { $$exists: true } } }, { d: {} }, true, 'match'],
  ['$$unsetOrMatches checks a present value', { n: { $$unsetOrMatches: 2 } }, { n: 3 }, true, { path: 'n', says: 'expected 2, got 3' }],
  ['$$unsetOrMatches keeps nested documents strict', { r: { $$unsetOrMatches: { a: 1 } } }, { r: { a: 1, b: 2 } }, true, { path: 'r', says: '"b"' }],
  ['root $$unsetOrMatches accepts an absent result', { $$unsetOrMatches: { insertedId: 1 } }, undefined, true, 'match'],
  ['root $$unsetOrMatches keeps root leniency', { $$unsetOrMatches: { insertedId: 1 } }, { insertedId: 1, acknowledged: true }, true, 'match'],
  // Entity and session operators
  ['$$matchesEntity compares with the stored value', { _id: { $$matchesEntity: 'savedId' } }, { _id: oid }, true, 'match'],
  ['$$matchesEntity reports a different value', { _id: { $$matchesEntity: 'savedId' } }, { _id: new ObjectId() }, true, { path: '_id', says: 'expected' }],
  ['$$sessionLsid matches the session id', { lsid: { $$sessionLsid: 'session0' } }, { lsid }, true, 'match'],
  ['$$sessionLsid rejects another id', { lsid: { $$sessionLsid: 'session0' } }, { lsid: { id: new Binary(Buffer.alloc(16), 4) } }, true, { path: 'lsid', says: 'session0' }],
  // $$matchesHexBytes and $$lte
  ['$$matchesHexBytes on a Buffer', { b: { $$matchesHexBytes: '12AB' } }, { b: Buffer.from([0x12, 0xab]) }, true, 'match'],
  ['$$matchesHexBytes on a Binary', { b: { $$matchesHexBytes: '12ab' } }, { b: new Binary(Buffer.from([0x12, 0xab])) }, true, 'match'],
  ['$$matchesHexBytes mismatch', { b: { $$matchesHexBytes: '12ab' } }, { b: Buffer.from([0x12]) }, true, { path: 'b', says: 'bytes 12ab' }],
  ['$$lte accepts smaller and equal', { a: { $$lte: 5 }, b: { $$lte: 5 } }, { a: 4, b: new Double(5) }, true, 'match'],
  ['$$lte rejects larger', { a: { $$lte: 5 } }, { a: Long.fromNumber(6) }, true, { path: 'a', says: 'a number <= 5' }],
  ['$$lte rejects non-numbers', { a: { $$lte: 5 } }, { a: '1' }, true, { path: 'a', says: 'a number <= 5' }],
  // Operators are recognised only as the sole key
  ['a $$ key among others is an ordinary field', { a: { $$exists: true, b: 1 } }, { a: { $$exists: true, b: 1 } }, true, 'match'],
];

describe('test/spec/match', () => {
  it.each(rows)('%s', (_name, expected, actual, root, outcome) => {
    const result = findMismatch(expected, actual, { root, context });
    if (outcome === 'match') {
      expect(result).toBeUndefined();
    } else {
      expect(result?.path).toBe(outcome.path);
      expect(result?.message).toContain(outcome.says);
    }
  });

  it('rejects unknown special operators loudly', () => {
    expect(() => findMismatch({ a: { $$bogus: 1 } }, { a: 1 }, { root: true })).toThrow(/unsupported special operator \$\$bogus at a/);
  });

  it('needs a context for entity operators', () => {
    expect(() => findMismatch({ $$matchesEntity: 'x' }, 1, { root: true })).toThrow(/needs an entity map/);
  });

  it('assertMatches throws a MatchError naming the path', () => {
    expect(() => assertMatches({ ns: { coll: 'a' } }, { ns: { coll: 'b' } }, { root: true })).toThrow(MatchError);
    expect(() => assertMatches({ ns: { coll: 'a' } }, { ns: { coll: 'b' } }, { root: true })).toThrow(
      'at ns.coll: expected "a", got "b"',
    );
  });
});
