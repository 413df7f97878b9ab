import { appendDecimal } from './_keystring-decimal.js';
import { appendDouble, appendInteger } from './_keystring-numbers.js';
import { CType, type KeyStringWriter } from './_keystring-writer.js';

// Values of every BSON type, as key_string.cpp `_appendBsonValue`. JS values are read as the bson
// serializer would send them: an integer number in int32 range is an int32, any other number
// (including -0) a double, a bigint an int64, a Uint8Array BinData subtype 0; undefined is dropped
// from objects and null elsewhere.

const TWO_32 = 2 ** 32;
const BINARY_SUBTYPE_OLD = 2;

function head(w: KeyStringWriter, name: string | null, genericType: number): void {
  if (name === null) return;
  w.byte(genericType);
  w.cstring(name, false);
}

/** Writes `value`; inside an object `name` is set, and the generic type and name come first. */
export function appendValue(w: KeyStringWriter, value: unknown, name: string | null): void {
  switch (typeof value) {
    case 'number':
      head(w, name, CType.Numeric);
      if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0)) {
        w.typeBitsMsbFirst(0b00, 2);
        appendInteger(w, value < 0 ? -1 : 0, value >>> 0);
      } else {
        appendDouble(w, value);
      }
      return;
    case 'string':
      head(w, name, CType.String);
      w.typeBit(0);
      w.byte(CType.String);
      w.cstring(value, true);
      return;
    case 'boolean':
      head(w, name, CType.False);
      w.byte(value ? CType.True : CType.False);
      return;
    case 'bigint':
      head(w, name, CType.Numeric);
      appendInt64(w, BigInt.asIntN(64, value));
      return;
    case 'undefined':
      head(w, name, CType.Null);
      w.byte(CType.Null);
      return;
    case 'object':
      if (value === null) {
        head(w, name, CType.Null);
        w.byte(CType.Null);
        return;
      }
      appendObjectValue(w, value, name);
      return;
    default:
      throw new TypeError(`KeyString: cannot encode a ${typeof value}`);
  }
}

function appendInt64(w: KeyStringWriter, v: bigint): void {
  w.typeBitsMsbFirst(0b01, 2);
  appendInteger(w, Number(v >> 32n), Number(BigInt.asUintN(32, v)));
}

/** bson class instances, by `_bsontype` so that a second copy of the bson package works too. */
interface BsonLike {
  _bsontype?: string;
  [key: string]: unknown;
}

function appendObjectValue(w: KeyStringWriter, value: object, name: string | null): void {
  if (Array.isArray(value)) {
    head(w, name, CType.Array);
    w.byte(CType.Array);
    for (const element of value as unknown[]) appendValue(w, element, null);
    w.byte(0);
    return;
  }
  if (value instanceof Date) {
    head(w, name, CType.Date);
    const ms = value.getTime() || 0;
    const hi = Math.floor(ms / TWO_32);
    // Offset binary: flipping the sign bit makes signed millis sort as unsigned bytes.
    w.byte(CType.Date);
    w.u64((hi ^ 0x80000000) >>> 0, ms - hi * TWO_32);
    return;
  }
  if (value instanceof Uint8Array) {
    head(w, name, CType.BinData);
    appendBinData(w, value, 0);
    return;
  }
  if (value instanceof RegExp) {
    head(w, name, CType.RegEx);
    // The flags the bson serializer writes for a JS RegExp, in its order.
    appendRegex(w, value.source, (value.ignoreCase ? 'i' : '') + (value.global ? 's' : '') + (value.multiline ? 'm' : ''));
    return;
  }
  if (value instanceof Map) {
    head(w, name, CType.Object);
    w.byte(CType.Object);
    for (const [k, v] of value as Map<unknown, unknown>) appendField(w, String(k), v);
    w.byte(0);
    return;
  }
  const v = value as BsonLike;
  switch (v._bsontype) {
    case undefined:
      head(w, name, CType.Object);
      w.byte(CType.Object);
      appendFields(w, v);
      return;
    case 'ObjectId':
      head(w, name, CType.ObjectId);
      w.byte(CType.ObjectId);
      w.bytes(v.id as Uint8Array);
      return;
    case 'Int32':
      head(w, name, CType.Numeric);
      w.typeBitsMsbFirst(0b00, 2);
      appendInteger(w, (v.value as number) < 0 ? -1 : 0, v.value as number);
      return;
    case 'Long':
      head(w, name, CType.Numeric);
      w.typeBitsMsbFirst(0b01, 2);
      appendInteger(w, v.high as number, v.low as number);
      return;
    case 'Double':
      head(w, name, CType.Numeric);
      appendDouble(w, v.value as number);
      return;
    case 'Decimal128':
      head(w, name, CType.Numeric);
      appendDecimal(w, v.bytes as Uint8Array);
      return;
    case 'Binary':
      head(w, name, CType.BinData);
      appendBinData(w, (v.buffer as Uint8Array).subarray(0, v.position as number), v.sub_type as number);
      return;
    case 'Timestamp':
      head(w, name, CType.Timestamp);
      w.byte(CType.Timestamp);
      w.u64((v.high as number) >>> 0, (v.low as number) >>> 0);
      return;
    case 'BSONRegExp':
      head(w, name, CType.RegEx);
      appendRegex(w, v.pattern as string, [...(v.options as string)].sort().join(''));
      return;
    case 'BSONSymbol':
      head(w, name, CType.String);
      w.typeBit(1);
      w.byte(CType.String);
      w.cstring(v.value as string, true);
      return;
    case 'MinKey':
      head(w, name, CType.MinKey);
      w.byte(CType.MinKey);
      return;
    case 'MaxKey':
      head(w, name, CType.MaxKey);
      w.byte(CType.MaxKey);
      return;
    case 'Code':
      appendCode(w, v.code as string, v.scope as Record<string, unknown> | null, name);
      return;
    case 'DBRef': {
      // Sent as the plain document {$ref, $id, $db?, ...fields}, not the deprecated DBPointer type.
      const doc: Record<string, unknown> = { $ref: v.collection, $id: v.oid };
      if (v.db != null) doc.$db = v.db;
      appendObjectValue(w, Object.assign(doc, v.fields), name);
      return;
    }
    default:
      throw new TypeError(`KeyString: cannot encode a ${v._bsontype}`);
  }
}

function appendField(w: KeyStringWriter, key: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') appendValue(w, v, key);
}

/** The body of an object, also used for a code scope: fields, then a terminating 0. */
function appendFields(w: KeyStringWriter, doc: Record<string, unknown>): void {
  for (const key of Object.keys(doc)) appendField(w, key, doc[key]);
  w.byte(0);
}

/** BinData: length (one byte, or FF and four), subtype, then the bytes. */
export function appendBinData(w: KeyStringWriter, bytes: Uint8Array, subtype: number): void {
  w.byte(CType.BinData);
  // mongod sees the old binary subtype's inner length prefix as part of the data.
  const length = subtype === BINARY_SUBTYPE_OLD ? bytes.length + 4 : bytes.length;
  if (length < 0xff) {
    w.byte(length);
  } else {
    w.byte(0xff);
    w.u32(length);
  }
  w.byte(subtype);
  if (subtype === BINARY_SUBTYPE_OLD) {
    w.ensure(4);
    w.buf.writeInt32LE(bytes.length, w.pos);
    w.pos += 4;
  }
  w.bytes(bytes);
}

function appendRegex(w: KeyStringWriter, pattern: string, flags: string): void {
  w.byte(CType.RegEx);
  w.cstring(pattern, false);
  w.cstring(flags, false);
}

function appendCode(w: KeyStringWriter, code: string, scope: Record<string, unknown> | null, name: string | null): void {
  const type = scope == null ? CType.Code : CType.CodeWithScope;
  head(w, name, type);
  w.byte(type);
  w.cstring(code, true);
  if (scope != null) appendFields(w, scope);
}
