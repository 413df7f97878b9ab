import { Binary, BSONRegExp, BSONSymbol, Code, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, UUID } from 'bson';
import { describe, expect, it } from 'vitest';
import { encodeKeyString, keyStringOf } from '../../../src/engine/changes/keystring.js';

const hexOf = (key: string): string => Buffer.from(key, 'latin1').toString('hex').toUpperCase();
const hexBytes = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
const base64 = (bytes: Uint8Array | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('base64') : undefined);
const dec = (s: string): Decimal128 => Decimal128.fromString(s);
const ts = (t: number, i: number): Timestamp => new Timestamp({ t, i });
const oid = new ObjectId('635019a078be67426d7cf4d2');
const uuid = new UUID('ab1154ac-acd8-49a4-8c61-756d70d3b21f');

describe('src/engine/changes/keystring.ts', () => {
  describe('keyStringOf: bytes of one value', () => {
    // [description, value, uppercase hex]; rows marked "mongod" are bytes taken from real server tokens.
    const rows: [string, unknown, string][] = [
      ['int 0', 0, '29'],
      ['int 1', 1, '2B02'],
      ['int 2', 2, '2B04'],
      ['int 127', 127, '2BFE'],
      ['int 128 (mongod tokenType)', 128, '2C0100'],
      ['int -1', -1, '27FD'],
      ['int -128', -128, '26FEFF'],
      ['int32 max', 0x7fffffff, '2EFFFFFFFE'],
      ['Int32 wrapper', new Int32(2), '2B04'],
      ['Long 1', Long.fromNumber(1), '2B02'],
      ['Long 2^40', Long.fromNumber(2 ** 40), '30020000000000'],
      ['Long max', Long.MAX_VALUE, '32FFFFFFFFFFFFFFFE'],
      ['Long min is the double -2^63', Long.MIN_VALUE, '1FF83FFFFFFFFFFFFF'],
      ['bigint as int64', -5n, '27F5'],
      ['integral double 2.0', 2.0, '2B04'],
      ['JS 2^40 (a double)', 2 ** 40, '30020000000000'],
      ['double 11.112 (mongod)', 11.112, '2B171CAC083126E980'],
      ['double 1.5', 1.5, '2B0380000000000000'],
      ['double -1.5', -1.5, '27FC7FFFFFFFFFFFFF'],
      ['double 0.5', 0.5, '2AFF80000000000000'],
      ['double -0 equals 0', -0, '29'],
      ['double 2e307 (mongod)', 2e307, '337F78F63E7958E866'],
      ['double -2e307 (mongod)', -2e307, '1F808709C186A71799'],
      ['double 2e-307 (mongod)', 2e-307, '2A6083F43058818C1A'],
      ['double -2e-307 (mongod)', -2e-307, '289F7C0BCFA77E73E5'],
      ['double 2^63', 2 ** 63, '3307C0000000000000'],
      ['tiny double 2^-300', 2 ** -300, '2ABA60000000000000'],
      ['NaN', NaN, '1E'],
      ['Infinity', Infinity, '33FFFFFFFFFFFFFFFF'],
      ['-Infinity', -Infinity, '1F0000000000000000'],
      ['Double wrapper', new Double(3), '2B06'],
      ['Decimal128 1', dec('1'), '2B02'],
      ['Decimal128 1.000', dec('1.000'), '2B02'],
      ['Decimal128 0', dec('0'), '29'],
      ['Decimal128 NaN', dec('NaN'), '1E'],
      ['Decimal128 -Infinity', dec('-Infinity'), '1F0000000000000000'],
      ['Decimal128 0.1 (below the double 0.1)', dec('0.1'), '2AFEE6666666666666'],
      ['Decimal128 with a continuation', dec('1.00000000000000000000000000000001'), '2B' + '0300000000000003' + '000000000000000A'],
      ['Decimal128 above 2^53: exact integer part, marker byte, continuation', dec('-9007199254740993.5'), '21BFFFFFFFFFFFFC' + 'FC' + 'F90FA4A62C4DFFFF'],
      ['Decimal128 below every double: its BID bits', dec('1E-6176'), '2A' + '0000000000000000' + '0000000000000001'],
      ['Decimal128 above every double: BID bits, top bit set', dec('1E+6144'), '33DFFE314DC6448D9338C15B0A00000000'],
      ['string (mongod _id "beer")', 'beer', '3C6265657200'],
      ['string with NUL', 'a\0b', '3C6100FF6200'],
      ['symbol equals string', new BSONSymbol('beer'), '3C6265657200'],
      ['null', null, '14'],
      ['undefined outside objects is null', undefined, '14'],
      ['false', false, '6E'],
      ['true', true, '6F'],
      ['MinKey', new MinKey(), '0A'],
      ['MaxKey', new MaxKey(), 'F0'],
      ['ObjectId (mongod)', oid, '64635019A078BE67426D7CF4D2'],
      ['UUID (mongod)', uuid, '5A1004AB1154ACACD849A48C61756D70D3B21F'],
      ['Binary subtype 0', new Binary(Buffer.from('ab', 'hex'), 0), '5A0100AB'],
      ['Uint8Array is BinData 0', Uint8Array.of(0xab), '5A0100AB'],
      ['old binary subtype keeps its inner length', new Binary(Buffer.from('ab', 'hex'), 2), '5A050201000000AB'],
      ['long BinData length', new Binary(Buffer.alloc(300), 0), `5AFF0000012C00${'00'.repeat(300)}`],
      ['Date epoch', new Date(0), '788000000000000000'],
      ['Date before epoch', new Date(-1), '787FFFFFFFFFFFFFFF'],
      ['Timestamp (mongod clusterTime)', ts(1666193824, 1), '82635019A000000001'],
      ['BSONRegExp, options sorted', new BSONRegExp('ab', 'mi'), '8C616200696D00'],
      ['RegExp as the bson serializer sends it', /ab/gi, '8C616200697300'],
      ['Code', new Code('x'), 'A07800'],
      ['Code with scope', new Code('x', { a: 1 }), 'AA78001E61002B0200'],
      ['document (mongod documentKey)', { _id: oid }, '46645F69640064635019A078BE67426D7CF4D200'],
      ['document: numbers, bools and null use generic types', { a: 1.5, b: true, c: null }, '461E61002B03800000000000006E62006F1463001400'],
      ['document drops undefined fields', { a: undefined, b: 1 }, '461E62002B0200'],
      ['Map is a document', new Map([['b', 1]]), '461E62002B0200'],
      ['array', [1, 'a'], '502B023C610000'],
      ['array keeps undefined as null', [undefined], '501400'],
    ];
    it.each(rows)('%s', (_name, value, hex) => {
      expect(hexOf(keyStringOf(value))).toBe(hex);
    });
  });

  describe('encodeKeyString: bytes and type bits of a sequence', () => {
    const v1Prefix = [ts(1630496062, 2), 1, 128, 0, false, uuid];
    // [description, values, hex the bytes contain, base64 type bits]
    const rows: [string, unknown[], string, string | undefined][] = [
      ['ints and strings leave no type bits', [1, 'a', { b: 'c' }], '2B023C6100', undefined],
      ['v1 token with a double id (mongod "QA==")', [...v1Prefix, { id: 11.112 }], '461E6964002B171CAC083126E98000', 'QA=='],
      ['v1 token with two doubles (mongod "gkAB")', [...v1Prefix, { a: 1.5, b: 2.5 }], '461E61002B03', 'gkAB'],
      [
        'v2 modify token with a long (mongod "ggAC")',
        [ts(1, 1), 2, 128, 0, false, uuid, { operationType: 'modify', operationDescription: { name: 'x', expireAfterSeconds: Long.fromNumber(10) } }],
        `1E${Buffer.from('expireAfterSeconds').toString('hex').toUpperCase()}002B14`,
        'ggAC',
      ],
      ['a single double', [11.112], '2B171CAC083126E980', 'AQ=='],
      ['a long', [Long.fromNumber(1)], '2B02', 'Ag=='],
      ['a symbol', [new BSONSymbol('a')], '3C6100', 'AQ=='],
      ['a double -0 takes 5 bits', [-0], '29', 'Aw=='],
      ['a decimal: 2 type bits and 6 exponent bits', [dec('1')], '2B02', 'Bw=='],
      ['a decimal zero: 17 bits naming the zero', [dec('0')], '29', 'gzsIAA=='],
    ];
    it.each(rows)('%s', (_name, values, fragment, typeBits) => {
      const { bytes, typeBits: bits } = encodeKeyString(values);
      const hex = hexBytes(bytes);
      expect(hex.endsWith('04')).toBe(true);
      expect(hex).toContain(fragment);
      expect(base64(bits)).toBe(typeBits);
    });

    it('writes the long type-bits form as 0x80, a little-endian length, then the data', () => {
      const { typeBits } = encodeKeyString(Array.from({ length: 520 }, () => 1.5));
      expect(hexBytes(typeBits!.subarray(0, 5))).toBe('8082000000');
      expect(typeBits!.length).toBe(5 + 130);
      expect(typeBits![5]).toBe(0b01010101);
    });
  });

  describe('keyStringOf: order is BSON order', () => {
    const byType: [string, unknown][] = [
      ['MinKey', new MinKey()],
      ['null', null],
      ['NaN', NaN],
      ['number', -1],
      ['number', 5],
      ['string', ''],
      ['string', 'a'],
      ['string', 'a\0'],
      ['string', 'ab'],
      ['object', {}],
      ['object', { a: 1 }],
      ['object', { b: 0 }],
      ['object', { a: 'x' }],
      ['array', []],
      ['array', [1]],
      ['binData', new Binary(Buffer.from('ff', 'hex'), 0)],
      ['binData', new Binary(Buffer.from('0000', 'hex'), 0)],
      ['ObjectId', new ObjectId('000000000000000000000000')],
      ['ObjectId', oid],
      ['bool', false],
      ['bool', true],
      ['date', new Date(-1)],
      ['date', new Date(0)],
      ['timestamp', ts(1, 0)],
      ['timestamp', ts(1, 1)],
      ['regex', new BSONRegExp('a', '')],
      ['MaxKey', new MaxKey()],
    ];
    it.each(byType.slice(1).map((row, i) => [byType[i]![0], row[0], byType[i]![1], row[1]] as const))(
      '%s < %s',
      (_a, _b, lower, higher) => {
        expect(keyStringOf(lower) < keyStringOf(higher)).toBe(true);
      },
    );

    const numbers: unknown[] = [
      -Infinity,
      dec('-1E+400'),
      -1e300,
      Long.MIN_VALUE,
      -(2 ** 62) - 2048,
      -(2 ** 53),
      -1000.5,
      -129,
      -1.5,
      -1,
      dec('-0.99999999999999999999999999999999'),
      -0.5,
      -1e-300,
      0,
      2 ** -1074,
      1e-300,
      dec('0.1'),
      0.1,
      0.5,
      1,
      dec('1.00000000000000000000000000000001'),
      1.5,
      128,
      2 ** 31,
      2 ** 53,
      dec('9007199254740993'),
      2 ** 53 + 2,
      Long.MAX_VALUE,
      2 ** 63,
      1e300,
      Number.MAX_VALUE,
      dec('1E+400'),
      Infinity,
    ];
    it.each(numbers.slice(1).map((n, i) => [String(numbers[i]), String(n), numbers[i], n] as const))(
      '%s < %s',
      (_a, _b, lower, higher) => {
        expect(keyStringOf(lower) < keyStringOf(higher)).toBe(true);
      },
    );

    // Decimals next to doubles, by decimal continuation marker; mirrored below zero, where the
    // encoder inverts every payload byte.
    const nearDoubles: unknown[] = [
      dec('0.333333333333333'),
      1 / 3,
      dec(`0.${'3'.repeat(34)}`),
      dec('0.333333333333334'),
      0.5999999999999999,
      dec('0.5999999999999999'),
      0.6,
      dec('0.59999999999999998'),
      dec('0.6'),
      dec(`0.6${'0'.repeat(30)}1`),
      9007199254740992,
      dec('9007199254740992.5'),
      dec('9007199254740993'),
      dec('9007199254740993.000000000000001'),
      9007199254740994,
      dec('36028797018963968.5'),
      dec('1E+19'),
      dec('10000000000000000000.5'),
      1e19 + 4096,
      dec('1E-300'),
      dec(`1${'0'.repeat(32)}1E-333`),
      dec('1E-310'),
      dec('1.000000000000000000000000000000001E-310'),
      dec('1E-330'),
      2 ** -1074,
      dec('4.940656458412465441765687928682214E-324'),
      2 ** -1073,
      dec('1E-6176'),
    ].sort((x, y) => compareExact(x, y));
    const mirrored = [...nearDoubles.map(negate).reverse(), 0, ...nearDoubles];
    it.each(mirrored.slice(1).map((n, i) => [String(mirrored[i]), String(n), mirrored[i], n] as const))(
      'near doubles: %s < %s',
      (_a, _b, lower, higher) => {
        expect(keyStringOf(lower) < keyStringOf(higher)).toBe(true);
      },
    );

    const equal: [string, unknown[]][] = [
      ['one', [1, Long.fromNumber(1), 1.0, new Int32(1), new Double(1), dec('1'), dec('1.0000'), 1n]],
      ['zero', [0, -0, Long.ZERO, dec('0'), dec('-0E+5')]],
      ['minus 2^40', [-(2 ** 40), Long.fromNumber(-(2 ** 40)), dec('-1099511627776')]],
      ['one half', [0.5, dec('0.5'), dec('0.50')]],
      ['string and symbol', ['x', new BSONSymbol('x')]],
      ['documents with equal numbers', [{ a: 1 }, { a: Long.fromNumber(1) }, { a: 1.0 }]],
    ];
    it.each(equal)('%s: every form has the same key', (_name, forms) => {
      const keys = new Set(forms.map((v) => keyStringOf(v)));
      expect(keys.size).toBe(1);
    });
  });

  describe('keyStringOf: numeric order matches exact arithmetic', () => {
    it('sorts 3000 random ints, longs, doubles and decimals like their exact values', () => {
      const random = mulberry32(20240611);
      const values: unknown[] = [];
      for (let i = 0; i < 3000; i++) values.push(randomNumber(random));
      const keyed = values.map((value) => ({ value, key: keyStringOf(value) }));
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const wrong: string[] = [];
      for (let i = 1; i < keyed.length; i++) {
        const [a, b] = [keyed[i - 1]!, keyed[i]!];
        const exact = compareExact(a.value, b.value);
        if (exact !== (a.key === b.key ? 0 : -1)) wrong.push(`${String(a.value)} vs ${String(b.value)}: exact order ${exact}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomNumber(random: () => number): unknown {
  const sign = random() < 0.5 ? '-' : '';
  const pick = random();
  const int = (max: number): number => Math.floor(random() * max);
  if (pick < 0.15) return (random() < 0.5 ? -1 : 1) * int(2 ** 31);
  if (pick < 0.3) return Long.fromBits(int(2 ** 32) | 0, int(2 ** 32) | 0);
  if (pick < 0.55) {
    const exponent = random() < 0.8 ? int(140) - 70 : int(2040) - 1020;
    return (random() < 0.5 ? -1 : 1) * (random() + 0.5) * 2 ** exponent;
  }
  if (pick < 0.6) return (random() < 0.5 ? -1 : 1) * (int(2 ** 20) + [0, 0.5, 0.25, 0.1][int(4)]!);
  const digits = 1 + int(34);
  let coefficient = String(1 + int(9));
  for (let i = 1; i < digits; i++) coefficient += String(int(10));
  const exponent = random() < 0.85 ? int(80) - 40 - digits : int(12000) - 6150;
  return dec(`${sign}${coefficient}E${Math.max(-6176, Math.min(6111, exponent))}`);
}

/** A number's exact value as sign * n / d, with infinities as a flag. */
type Exact = { inf: -1 | 0 | 1; n: bigint; d: bigint };

function exactOf(v: unknown): Exact {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { inf: v > 0 ? 1 : -1, n: 0n, d: 1n };
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Math.abs(v));
    const bits = view.getBigUint64(0);
    const biased = Number(bits >> 52n);
    const mantissa = (bits & ((1n << 52n) - 1n)) | (biased ? 1n << 52n : 0n);
    const k = (biased || 1) - 1075;
    const n = v < 0 ? -mantissa : mantissa;
    return k >= 0 ? { inf: 0, n: n << BigInt(k), d: 1n } : { inf: 0, n, d: 1n << BigInt(-k) };
  }
  if (v instanceof Long) return { inf: 0, n: v.toBigInt(), d: 1n };
  const text = (v as Decimal128).toString();
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/.exec(text)!;
  const digits = match[2]! + (match[3] ?? '');
  const exponent = Number(match[4] ?? 0) - (match[3]?.length ?? 0);
  const magnitude = BigInt(digits);
  const n = match[1] ? -magnitude : magnitude;
  return exponent >= 0 ? { inf: 0, n: n * 10n ** BigInt(exponent), d: 1n } : { inf: 0, n, d: 10n ** BigInt(-exponent) };
}

function negate(v: unknown): unknown {
  return typeof v === 'number' ? -v : dec(`-${(v as Decimal128).toString()}`);
}

function compareExact(a: unknown, b: unknown): number {
  const x = exactOf(a);
  const y = exactOf(b);
  if (x.inf !== 0 || y.inf !== 0) return Math.sign(x.inf - y.inf);
  const l = x.n * y.d;
  const r = y.n * x.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
