/**
 * MongoDB's BSON comparison order (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/),
 * used for sorting, range queries, `$min`/`$max` and aggregation comparisons.
 */
import { bsonTag, isDocument } from './bson-types.js';
import { compareNumeric } from './numeric.js';

/** Canonical type brackets: values in different brackets never compare equal and sort by bracket. */
export const Bracket = {
  MinKey: 1,
  Null: 2,
  Number: 3,
  String: 4,
  Object: 5,
  Array: 6,
  BinData: 7,
  ObjectId: 8,
  Bool: 9,
  Date: 10,
  Timestamp: 11,
  Regex: 12,
  DbPointer: 13,
  Code: 14,
  CodeWithScope: 15,
  MaxKey: 16,
} as const;

/** One of the `Bracket` values. */
export type Bracket = (typeof Bracket)[keyof typeof Bracket];

/**
 * The canonical type bracket of a value. Missing (JS undefined) and BSON undefined share null's bracket,
 * as mongod treats a missing field as null when sorting and matching.
 */
export function bracketOf(v: unknown): Bracket {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return Bracket.Number;
    case 'string':
      return Bracket.String;
    case 'boolean':
      return Bracket.Bool;
    case 'undefined':
      return Bracket.Null;
    case 'object':
      break;
    default:
      return Bracket.Object;
  }
  if (v === null) return Bracket.Null;
  if (Array.isArray(v)) return Bracket.Array;
  if (v instanceof Date) return Bracket.Date;
  if (v instanceof RegExp) return Bracket.Regex;
  if (v instanceof Uint8Array) return Bracket.BinData;
  switch (bsonTag(v)) {
    case 'Long':
    case 'Decimal128':
    case 'Double':
    case 'Int32':
      return Bracket.Number;
    case 'BSONSymbol':
      return Bracket.String;
    case 'Binary':
      return Bracket.BinData;
    case 'ObjectId':
      return Bracket.ObjectId;
    case 'Timestamp':
      return Bracket.Timestamp;
    case 'BSONRegExp':
      return Bracket.Regex;
    case 'Code':
      return (v as { scope?: unknown }).scope ? Bracket.CodeWithScope : Bracket.Code;
    case 'MinKey':
      return Bracket.MinKey;
    case 'MaxKey':
      return Bracket.MaxKey;
    default:
      return Bracket.Object;
  }
}

/**
 * Compares two strings by Unicode code point, which is the UTF-8 byte order mongod uses without a collation.
 * JS `<` compares UTF-16 code units instead, which differs only between surrogates and U+E000..U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

interface BinaryLike {
  buffer: Uint8Array;
  position: number;
  sub_type: number;
}

function binaryParts(v: unknown): { bytes: Uint8Array; subtype: number } {
  if (v instanceof Uint8Array) return { bytes: v, subtype: 0 };
  const b = v as BinaryLike;
  return { bytes: b.buffer.subarray(0, b.position), subtype: b.sub_type };
}

/** BSON orders binData by length first, then subtype, then bytes. */
function compareBinary(a: unknown, b: unknown): number {
  const x = binaryParts(a);
  const y = binaryParts(b);
  if (x.bytes.length !== y.bytes.length) return x.bytes.length < y.bytes.length ? -1 : 1;
  if (x.subtype !== y.subtype) return x.subtype < y.subtype ? -1 : 1;
  return compareBytes(x.bytes, y.bytes);
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags.split('').sort().join('')];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

function timestampParts(v: unknown): [number, number] {
  const ts = v as { t?: number; i?: number; high: number; low: number };
  return [ts.t ?? ts.high >>> 0, ts.i ?? ts.low >>> 0];
}

/** The fields of an embedded document in order; a DBRef is compared as the `{$ref, $id, $db}` it encodes. */
function documentEntries(v: object): [string, unknown][] {
  if (bsonTag(v) === 'DBRef') {
    const ref = v as { collection: string; oid: unknown; db?: string; fields?: Record<string, unknown> };
    const entries: [string, unknown][] = [
      ['$ref', ref.collection],
      ['$id', ref.oid],
    ];
    if (ref.db) entries.push(['$db', ref.db]);
    return entries.concat(Object.entries(ref.fields ?? {}));
  }
  return Object.entries(v);
}

/** Elements compare by canonical type, then field name, then value (mongod's BSONElement::woCompare). */
function compareDocuments(a: object, b: object): number {
  const xs = isDocument(a) ? Object.keys(a) : undefined;
  const ys = isDocument(b) ? Object.keys(b) : undefined;
  if (xs && ys) {
    const n = Math.min(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      const kx = xs[i] as string;
      const ky = ys[i] as string;
      const c = compareElements(kx, (a as Record<string, unknown>)[kx], ky, (b as Record<string, unknown>)[ky]);
      if (c !== 0) return c;
    }
    return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
  }
  const ex = documentEntries(a);
  const ey = documentEntries(b);
  const n = Math.min(ex.length, ey.length);
  for (let i = 0; i < n; i++) {
    const [kx, vx] = ex[i] as [string, unknown];
    const [ky, vy] = ey[i] as [string, unknown];
    const c = compareElements(kx, vx, ky, vy);
    if (c !== 0) return c;
  }
  return ex.length === ey.length ? 0 : ex.length < ey.length ? -1 : 1;
}

function compareElements(kx: string, vx: unknown, ky: string, vy: unknown): number {
  const bx = bracketOf(vx);
  const by = bracketOf(vy);
  if (bx !== by) return bx < by ? -1 : 1;
  const c = kx === ky ? 0 : compareStrings(kx, ky);
  return c !== 0 ? c : compareBson(vx, vy);
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const bx = bracketOf(a[i]);
    const by = bracketOf(b[i]);
    if (bx !== by) return bx < by ? -1 : 1;
    const c = compareBson(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function stringValue(v: unknown): string {
  return typeof v === 'string' ? v : String((v as { value: unknown }).value);
}

/**
 * Compares two BSON values in MongoDB's order: MinKey < null (and missing) < numbers < strings/symbols <
 * objects < arrays < binData < ObjectId < bool < Date < Timestamp < regex < code < MaxKey. Numbers of different
 * types compare by value, exactly (Long and Decimal128 included). Returns a negative, zero or positive number.
 */
export function compareBson(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === 'number') return compareNumeric(a, b);
    if (ta === 'string') return compareStrings(a as string, b as string);
  }
  const ra = bracketOf(a);
  const rb = bracketOf(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case Bracket.MinKey:
    case Bracket.Null:
    case Bracket.MaxKey:
      return 0;
    case Bracket.Number:
      return compareNumeric(a, b);
    case Bracket.String:
      return compareStrings(stringValue(a), stringValue(b));
    case Bracket.Object:
      return compareDocuments(a as object, b as object);
    case Bracket.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case Bracket.BinData:
      return compareBinary(a, b);
    case Bracket.ObjectId:
      return compareBytes((a as { id: Uint8Array }).id, (b as { id: Uint8Array }).id);
    case Bracket.Bool:
      return a === b ? 0 : a ? 1 : -1;
    case Bracket.Date: {
      const x = (a as Date).getTime();
      const y = (b as Date).getTime();
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case Bracket.Timestamp: {
      const [tx, ix] = timestampParts(a);
      const [ty, iy] = timestampParts(b);
      return tx !== ty ? (tx < ty ? -1 : 1) : ix === iy ? 0 : ix < iy ? -1 : 1;
    }
    case Bracket.Regex: {
      const [px, ox] = regexParts(a);
      const [py, oy] = regexParts(b);
      return compareStrings(px, py) || compareStrings(ox, oy);
    }
    case Bracket.DbPointer:
      return 0;
    case Bracket.Code:
    case Bracket.CodeWithScope: {
      const x = a as { code: unknown; scope?: object | null };
      const y = b as { code: unknown; scope?: object | null };
      const c = compareStrings(String(x.code), String(y.code));
      return c !== 0 || ra === Bracket.Code ? c : compareDocuments(x.scope ?? {}, y.scope ?? {});
    }
  }
}

/** True when two values are equal in BSON order (1, 1.0, Long(1) and Decimal128("1") are all equal). */
export function equalsBson(a: unknown, b: unknown): boolean {
  return compareBson(a, b) === 0;
}
