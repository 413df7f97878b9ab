import { Binary, BSONRegExp, BSONSymbol, Code, Decimal128, Double, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { encodeKeyString } from '../../../src/engine/changes/keystring.js';
import {
  compareResumeTokens,
  decodeResumeToken,
  makeHighWaterMarkToken,
  makeResumeToken,
  type ResumeTokenData,
} from '../../../src/engine/changes/resume-token.js';
import { EngineError } from '../../../src/engine/errors/engine-error.js';

const ts = (t: number, i: number): bigint => (BigInt(t) << 32n) | BigInt(i);
const uuid = Buffer.from('ab1154acacd849a48c61756d70d3b21f', 'hex');
const oid = new ObjectId('635019a078be67426d7cf4d2');

/** The documented mongod insert event token (research notes 4.3, worked example 1). */
const MONGOD_INSERT =
  '82635019A0000000012B042C0100296E5A1004AB1154ACACD849A48C61756D70D3B21F463C6F7065726174696F6E54797065003C696E736572740046646F63756D656E744B65790046645F69640064635019A078BE67426D7CF4D2000004';

function event(clusterTime: bigint, eventIdentifier: Record<string, unknown>, extra: Partial<ResumeTokenData> = {}): ResumeTokenData {
  return { clusterTime, version: 2, tokenType: 128, txnOpIndex: 0, fromInvalidate: false, uuid, eventIdentifier, ...extra };
}

/** A hand-made token document, for inputs our encoder refuses to produce. */
function craft(values: unknown[]): { _data: string; _typeBits?: Binary } {
  const { bytes, typeBits } = encodeKeyString(values);
  const _data = Buffer.from(bytes).toString('hex').toUpperCase();
  return typeBits ? { _data, _typeBits: new Binary(typeBits, 0) } : { _data };
}

describe('src/engine/changes/resume-token.ts', () => {
  describe('makeResumeToken reproduces mongod tokens', () => {
    // [description, token data, expected _data (whole, or a suffix when it starts with "..."), base64 _typeBits]
    const rows: [string, ResumeTokenData, string, string | undefined][] = [
      [
        'insert, ObjectId _id (mongod docs)',
        event(ts(1666193824, 1), { operationType: 'insert', documentKey: { _id: oid } }),
        MONGOD_INSERT,
        undefined,
      ],
      [
        'update, string _id "beer" (mongod)',
        event(ts(1666193824, 2), { operationType: 'update', documentKey: { _id: 'beer' } }),
        '...3C5F6964003C6265657200000004',
        undefined,
      ],
      [
        'high-water mark (mongod aggregate PBRT; 0x63515EAC is t=1666277036)',
        { clusterTime: ts(0x63515eac, 2), version: 2, tokenType: 0, txnOpIndex: 0, fromInvalidate: false, uuid: null },
        '8263515EAC000000022B0429296E1404',
        undefined,
      ],
      [
        'drop: no documentKey, operationType only',
        event(ts(1, 1), { operationType: 'drop' }),
        '8200000001000000012B042C0100296E5A1004AB1154ACACD849A48C61756D70D3B21F463C6F7065726174696F6E54797065003C64726F70000004',
        undefined,
      ],
      [
        'dropDatabase: null uuid',
        event(ts(1, 1), { operationType: 'dropDatabase' }, { uuid: null }),
        '8200000001000000012B042C0100296E14463C6F7065726174696F6E54797065003C64726F704461746162617365000004',
        undefined,
      ],
      [
        'transaction op 3',
        event(ts(1, 1), { operationType: 'insert', documentKey: { _id: 1 } }, { txnOpIndex: 3 }),
        '8200000001000000012B042C01002B066E5A1004...',
        undefined,
      ],
      ['double _id (a JS 2^40): typeBits', event(ts(1, 1), { operationType: 'insert', documentKey: { _id: 2 ** 40 } }), '...1E5F69640030020000000000000004', 'goAA'],
      ['long _id: typeBits', event(ts(1, 1), { operationType: 'insert', documentKey: { _id: Long.fromNumber(7) } }), '...1E5F6964002B0E000004', 'ggAB'],
      [
        'modify with a long expireAfterSeconds (mongod "ggAC")',
        event(ts(1, 1), { operationType: 'modify', operationDescription: { name: 'x', expireAfterSeconds: Long.fromNumber(10) } }),
        '...2B14000004',
        'ggAC',
      ],
    ];
    it.each(rows)('%s', (_name, data, expected, typeBits) => {
      const token = makeResumeToken(data);
      if (expected.startsWith('...')) expect(token._data.endsWith(expected.slice(3))).toBe(true);
      else if (expected.endsWith('...')) expect(token._data.startsWith(expected.slice(0, -3))).toBe(true);
      else expect(token._data).toBe(expected);
      expect(token._typeBits === undefined ? undefined : Buffer.from(token._typeBits.buffer).toString('base64')).toBe(typeBits);
      if (token._typeBits) expect(token._typeBits.sub_type).toBe(0);
      else expect('_typeBits' in token).toBe(false);
    });

    it('makeHighWaterMarkToken is the tokenType 0 token', () => {
      expect(makeHighWaterMarkToken(ts(0x63515eac, 2))).toEqual({ _data: '8263515EAC000000022B0429296E1404' });
    });

    const invalid: [string, ResumeTokenData, number][] = [
      ['high-water mark with an eventIdentifier', { ...event(1n, { operationType: 'drop' }), tokenType: 0, uuid: null }, 6189505],
      ['high-water mark with a uuid', { ...event(1n, {}), tokenType: 0, eventIdentifier: undefined }, 6189505],
      ['event without eventIdentifier', { ...event(1n, {}), eventIdentifier: undefined }, 6189502],
    ];
    it.each(invalid)('refuses %s', (_name, data, code) => {
      expect(() => makeResumeToken(data)).toThrow(expect.objectContaining({ code }));
    });
  });

  describe('token order is plain string order', () => {
    const T = ts(1700000000, 5);
    const drop = makeResumeToken(event(T, { operationType: 'drop' }));
    const invalidate = makeResumeToken(event(T, { operationType: 'drop' }, { fromInvalidate: true }));
    // Each row's tokens are in increasing order.
    const rows: [string, { _data: string }[]][] = [
      [
        'high-water mark at T precedes every event at T',
        [makeHighWaterMarkToken(T), makeResumeToken(event(T, { operationType: 'insert', documentKey: { _id: 0 } }))],
      ],
      ['invalidate sorts right after its drop', [makeHighWaterMarkToken(T), drop, invalidate, makeHighWaterMarkToken(T + 1n)]],
      [
        'increasing cluster times, across the increment and seconds boundaries',
        [ts(1, 1), ts(1, 2), ts(1, 0xffffffff), ts(2, 0), ts(0x7fffffff, 1), ts(0x80000000, 1), ts(0xffffffff, 1)].map((t) =>
          makeResumeToken(event(t, { operationType: 'insert', documentKey: { _id: 9 } })),
        ),
      ],
      [
        'transaction operations by txnOpIndex',
        [0, 1, 127, 128, 70000].map((i) => makeResumeToken(event(T, { operationType: 'insert', documentKey: { _id: 1 } }, { txnOpIndex: i }))),
      ],
      [
        'same time and index: by documentKey in BSON order',
        [-5, 2.5, 10, 'a', oid].map((id) => makeResumeToken(event(T, { operationType: 'insert', documentKey: { _id: id } }))),
      ],
    ];
    it.each(rows)('%s', (_name, tokens) => {
      for (let i = 1; i < tokens.length; i++) {
        expect(compareResumeTokens(tokens[i - 1]!._data, tokens[i]!._data)).toBe(-1);
        expect(compareResumeTokens(tokens[i]!._data, tokens[i - 1]!._data)).toBe(1);
      }
      expect(compareResumeTokens(tokens[0]!._data, tokens[0]!._data)).toBe(0);
    });
  });

  describe('decodeResumeToken round trips', () => {
    const rows: [string, ResumeTokenData][] = [
      ['insert', event(ts(1666193824, 1), { operationType: 'insert', documentKey: { _id: oid } })],
      ['invalidate', event(ts(5, 6), { operationType: 'rename', operationDescription: { to: { db: 'a', coll: 'b' } } }, { fromInvalidate: true })],
      ['transaction op with a double key', event(ts(7, 1), { operationType: 'delete', documentKey: { _id: 1.5, k: [Long.fromNumber(2)] } }, { txnOpIndex: 40 })],
      ['dropDatabase', event(ts(9, 9), { operationType: 'dropDatabase' }, { uuid: null })],
      ['high-water mark', { clusterTime: ts(0xffffffff, 0xffffffff), version: 2, tokenType: 0, txnOpIndex: 0, fromInvalidate: false, uuid: null }],
    ];
    it.each(rows)('%s', (_name, data) => {
      const token = makeResumeToken(data);
      const decoded = decodeResumeToken(token);
      const { eventIdentifier, ...scalars } = data;
      expect(decoded).toEqual({
        ...scalars,
        uuid: data.uuid ? Uint8Array.from(data.uuid) : null,
        data: token._data,
        eventIdentifierHex: eventIdentifier ? expect.stringMatching(/^46[0-9A-F]*00$/) : null,
      });
      if (eventIdentifier) expect(token._data.endsWith(`${decoded.eventIdentifierHex}04`)).toBe(true);
    });

    it('reads the documented mongod token and accepts lowercase hex', () => {
      const decoded = decodeResumeToken({ _data: MONGOD_INSERT.toLowerCase() });
      expect(decoded.clusterTime).toBe(ts(1666193824, 1));
      expect(Buffer.from(decoded.uuid!).toString('hex')).toBe('ab1154acacd849a48c61756d70d3b21f');
      expect(decoded.data).toBe(MONGOD_INSERT);
    });

    it('reads a fragmentNum after an eventIdentifier of every type, keeping the type bits aligned', () => {
      const key = {
        d: [Decimal128.fromString('0.1'), Decimal128.fromString('-0E+3'), Decimal128.fromString('NaN'), Decimal128.fromString('1E+6144')],
        e: [Decimal128.fromString('1E-6176'), Decimal128.fromString('-9007199254740993.5'), Decimal128.fromString('-Infinity')],
        n: [NaN, -0, 1.5, Long.fromNumber(-3), 2 ** 70, -(2 ** -300), Infinity],
        s: ['a\0b', new BSONSymbol('y'), new Code('f', { x: 1.5 }), new Code('g')],
        o: [oid, new Date(5), new Timestamp({ t: 1, i: 2 }), /r/i, new BSONRegExp('p', 'x'), new MinKey(), new MaxKey(), true, null],
        b: [new Binary(Buffer.alloc(300), 0), new Binary(Buffer.from('ab', 'hex'), 2)],
      };
      const token = craft([new Timestamp({ t: 1, i: 1 }), 2, 128, 0, false, null, { operationType: 'insert', documentKey: { _id: key } }, 3]);
      expect(token._typeBits).toBeDefined();
      expect(decodeResumeToken(token).fragmentNum).toBe(3);
      // The same key with a double fragmentNum must be refused: only aligned bits can tell 3 from 3.0.
      const asDouble = craft([new Timestamp({ t: 1, i: 1 }), 2, 128, 0, false, null, { operationType: 'insert', documentKey: { _id: key } }, new Double(3)]);
      expect(asDouble._data).toBe(token._data);
      expect(() => decodeResumeToken(asDouble)).toThrow(expect.objectContaining({ code: 7182501 }));
    });
  });

  describe('decodeResumeToken errors carry mongod codes', () => {
    const tsv = new Timestamp({ t: 1, i: 1 });
    const id = { operationType: 'insert', documentKey: { _id: 1 } };
    // [description, token document, code, message fragment]
    const rows: [string, unknown, number, string][] = [
      ['not a document', 'abc', 40647, 'Expected string, got "abc"'],
      ['_data missing', {}, 40647, 'Bad resume token: _data of missing or of wrong type. Expected string, got {}'],
      ['_data not a string', { _data: 5 }, 40647, 'got {_data: 5}'],
      ['_typeBits not BinData', { _data: '', _typeBits: 'x' }, 40648, 'Bad resume token: _typeBits of wrong type {_data: "", _typeBits: "x"}'],
      ['_typeBits of subtype 4', { _data: '', _typeBits: new Binary(uuid, 4) }, 40648, '_typeBits of wrong type'],
      ['_data not hex', { _data: 'XY' }, 9, 'resume token string was not a valid hex string'],
      ['_data of odd length', { _data: 'ABC' }, 9, 'not a valid hex string'],
      ['empty', { _data: '' }, 40649, 'invalid empty resume token'],
      ['only the end byte', { _data: '04' }, 40649, 'invalid empty resume token'],
      ['no version', craft([tsv]), 50796, 'Resume Token does not contain version'],
      ['version is a long', craft([tsv, Long.fromNumber(2)]), 50854, 'Invalid resume token: wrong type for version'],
      ['version is a string', craft([tsv, '2']), 50854, 'wrong type for version'],
      ['version 1', craft([tsv, 1, 0, 0, false]), 50795, 'only supports version 2'],
      ['version 3', craft([tsv, 3]), 50795, 'Invalid Resume Token: only supports version 0, 1 and 2'],
      ['no tokenType', craft([tsv, 2]), 51055, 'Resume Token does not contain tokenType'],
      ['tokenType is a double', craft([tsv, 2, 128.5]), 51056, 'Resume Token tokenType is not an int.'],
      ['unknown tokenType', craft([tsv, 2, 64]), 51057, 'Token type 64 not recognized'],
      ['no txnOpIndex', craft([tsv, 2, 128]), 50793, 'Resume Token does not contain txnOpIndex'],
      ['txnOpIndex is a double', craft([tsv, 2, 128, new Double(1)]), 50855, 'Resume Token txnOpIndex is not an integer'],
      ['negative txnOpIndex', craft([tsv, 2, 128, -1]), 50794, 'Invalid Resume Token: txnOpIndex should be non-negative'],
      ['no fromInvalidate', craft([tsv, 2, 128, 0]), 50872, 'Resume Token does not contain fromInvalidate'],
      ['fromInvalidate not a bool', craft([tsv, 2, 128, 0, 0]), 50870, 'Resume Token fromInvalidate is not a boolean.'],
      ['no uuid', craft([tsv, 2, 128, 0, false]), 6189500, 'Expected UUID or null'],
      ['uuid of the wrong subtype', craft([tsv, 2, 128, 0, false, new Binary(uuid, 0), id]), 6189500, 'Expected UUID or null'],
      ['high-water mark with an eventIdentifier', craft([tsv, 2, 0, 0, false, null, id]), 6189504, 'Invalid high water mark token'],
      ['event without eventIdentifier', craft([tsv, 2, 128, 0, false, null]), 6189501, 'Expected an eventIdentifier for an event resume token'],
      ['eventIdentifier not a document', craft([tsv, 2, 128, 0, false, null, 'insert']), 6189503, 'Resume Token eventIdentifier is not an object'],
      ['negative fragmentNum', craft([tsv, 2, 128, 0, false, null, id, -1]), 7182501, "'fragmentNum' must be a non-negative integer"],
      ['an element after fragmentNum', craft([tsv, 2, 128, 0, false, null, id, 0, 0]), 40646, 'invalid oversized resume token'],
      ['truncated', { _data: '82635019A0' }, 45, 'past end of buffer'],
      ['unknown type byte', { _data: '820000000100000001FF' }, 50811, 'KeyString format error: Unknown type: 255'],
      ['type bits end early', { _data: craft([tsv, 2, 128, 0, false, null, { a: [1, 2, 3, 4, 5] }])._data, _typeBits: new Binary(Uint8Array.of(0x81, 0), 0) }, 50615, 'Invalid size byte(s).'],
      ['overlong type bits', { _data: '04', _typeBits: new Binary(Uint8Array.of(0x80, 1, 0, 0, 0, 0), 0) }, 50910, 'Invalid overlong encoding.'],
    ];
    it.each(rows)('%s', (_name, token, code, message) => {
      let caught: unknown;
      try {
        decodeResumeToken(token);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(EngineError);
      expect((caught as EngineError).code).toBe(code);
      expect((caught as EngineError).message).toContain(message);
    });
  });
});
