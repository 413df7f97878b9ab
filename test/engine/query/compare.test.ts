import { Binary, BSONRegExp, BSONSymbol, Code, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { compareBson, compareStrings, equalsBson } from '../../../src/engine/query/compare.js';
import { table } from '../../support/query-table.js';

const sign = ([a, b]: readonly [unknown, unknown]) => Math.sign(compareBson(a, b));

describe('engine/query/compare', () => {
  describe('type brackets in BSON order', () => {
    const ascending: [string, unknown][] = [
      ['MinKey', new MinKey()],
      ['null', null],
      ['number', -1e300],
      ['string', ''],
      ['object', {}],
      ['array', []],
      ['binData', new Binary(new Uint8Array([1]))],
      ['ObjectId', new ObjectId('000000000000000000000000')],
      ['bool', false],
      ['Date', new Date(0)],
      ['Timestamp', new Timestamp({ t: 0, i: 0 })],
      ['regex', /a/],
      ['code', new Code('x')],
      ['MaxKey', new MaxKey()],
    ];
    const rows = ascending.slice(1).map(([name, value], i) => {
      const [lowerName, lower] = ascending[i] as [string, unknown];
      return [`${lowerName} < ${name}`, [lower, value], -1] as const;
    });
    table(rows, sign);
  });

  describe('numbers compare by value across types', () => {
    table(
      [
        ['int = Long', [1, Long.fromNumber(1)], 0],
        ['double = Decimal128', [1.5, Decimal128.fromString('1.5')], 0],
        ['Long(10) > Long(9) (not as strings)', [Long.fromNumber(10), Long.fromNumber(9)], 1],
        ['Decimal128 10.5 > 10', [Decimal128.fromString('10.5'), Decimal128.fromString('10')], 1],
        ['Decimal128 9.5 < 10', [Decimal128.fromString('9.5'), Decimal128.fromString('10')], -1],
        ['Long beyond 2^53 exactly', [Long.fromString('9007199254740993'), 9007199254740992], 1],
        ['Long vs fraction', [Long.fromNumber(2), 2.5], -1],
        ['negative Long vs double', [Long.fromNumber(-3), -2.5], -1],
        ['0.1 double vs Decimal128 0.1 (binary 0.1 is larger)', [0.1, Decimal128.fromString('0.1')], 1],
        ['NaN below -Infinity', [Number.NaN, Number.NEGATIVE_INFINITY], -1],
        ['NaN = NaN', [Number.NaN, Number.NaN], 0],
        ['Decimal NaN = double NaN', [Decimal128.fromString('NaN'), Number.NaN], 0],
        ['Infinity > Long max', [Number.POSITIVE_INFINITY, Long.MAX_VALUE], 1],
        ['-0 = 0', [-0, 0], 0],
      ],
      sign,
    );
  });

  describe('values within a bracket', () => {
    table(
      [
        ['strings by code point', ['a', 'b'], -1],
        ['string = symbol', ['x', new BSONSymbol('x')], 0],
        ['objects: field name decides', [{ a: 1 }, { b: 0 }], -1],
        ['objects: type before field name', [{ b: 1 }, { a: 'x' }], -1],
        ['objects: value decides', [{ a: 1 }, { a: 2 }], -1],
        ['objects: field order matters', [{ a: 1, b: 1 }, { b: 1, a: 1 }], -1],
        ['objects: shorter is less', [{ a: 1 }, { a: 1, b: 1 }], -1],
        ['arrays element-wise', [[1, 2], [1, 3]], -1],
        ['arrays: shorter prefix is less', [[1], [1, 0]], -1],
        ['binData by length first', [new Binary(new Uint8Array([9])), new Binary(new Uint8Array([0, 0]))], -1],
        ['binData by subtype second', [new Binary(new Uint8Array([1]), 5), new Binary(new Uint8Array([1]), 0)], 1],
        ['binData by bytes last', [new Binary(new Uint8Array([1, 2])), new Binary(new Uint8Array([1, 3]))], -1],
        ['ObjectId bytewise', [new ObjectId('00000000000000000000000a'), new ObjectId('0000000000000000000000ff')], -1],
        ['false < true', [false, true], -1],
        ['dates by time', [new Date(5), new Date(4)], 1],
        ['timestamps by t then i', [new Timestamp({ t: 1, i: 9 }), new Timestamp({ t: 2, i: 0 })], -1],
        ['timestamps by i', [new Timestamp({ t: 2, i: 1 }), new Timestamp({ t: 2, i: 0 })], 1],
        ['RegExp = BSONRegExp', [/a/i, new BSONRegExp('a', 'i')], 0],
        ['missing = null', [undefined, null], 0],
        ['MinKey = MinKey', [new MinKey(), new MinKey()], 0],
      ],
      sign,
    );
  });

  it('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF61 is one code unit above the surrogates in UTF-16, but below U+1F600 in code point order.
    expect(Math.sign(compareStrings('\uFF61', '\u{1F600}'))).toBe(-1);
    expect(Math.sign(compareStrings('\u{1F600}', '\uFF61'))).toBe(1);
  });

  describe('equalsBson', () => {
    table(
      [
        ['Long(1) equals 1', [Long.fromNumber(1), 1], true],
        ['{a: 1} equals {a: Long(1)}', [{ a: 1 }, { a: Long.fromNumber(1) }], true],
        ['1 is not "1"', [1, '1'], false],
        ['[1] is not 1', [[1], 1], false],
      ],
      ([a, b]) => equalsBson(a, b),
    );
  });
});
