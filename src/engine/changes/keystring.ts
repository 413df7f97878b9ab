import { appendInteger } from './_keystring-numbers.js';
import { appendBinData, appendValue } from './_keystring-values.js';
import { CType, KeyStringWriter } from './_keystring-writer.js';

// KeyString V1 with all-ascending ordering, as mongod builds index keys and resume tokens
// (src/mongo/db/storage/key_string/key_string.cpp; research notes 4.3 and 4.4). Byte order of two
// encodings is BSON comparison order, and values that BSON considers equal (1, NumberLong(1), 1.0)
// encode to the same bytes: the original types survive only in the separate type bits.
//
// How JS values map to BSON types is described in _keystring-values.ts.

const END = 0x04;

const writer = new KeyStringWriter();
let busy = false;

/** A finished key: the bytes compared with memcmp, and the serialized type bits (absent when all zero). */
export interface EncodedKeyString {
  bytes: Uint8Array;
  typeBits: Uint8Array | undefined;
}

/** Appends elements of known BSON type to the key being built, without wrapping them in bson classes. */
export interface KeyStringBuilder {
  /** A BSON Timestamp given as `(t << 32) | i`. */
  timestamp(value: bigint): void;
  int32(value: number): void;
  bool(value: boolean): void;
  null(): void;
  binData(bytes: Uint8Array, subtype: number): void;
  /** Any BSON value, typed by the rules of _keystring-values.ts. */
  value(value: unknown): void;
}

const builder: KeyStringBuilder = {
  timestamp(value) {
    writer.byte(CType.Timestamp);
    writer.u64(Number(value >> 32n), Number(value & 0xffffffffn));
  },
  int32(value) {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new RangeError(`not an int32: ${value}`);
    writer.typeBitsMsbFirst(0b00, 2);
    appendInteger(writer, value < 0 ? -1 : 0, value >>> 0);
  },
  bool(value) {
    writer.byte(value ? CType.True : CType.False);
  },
  null() {
    writer.byte(CType.Null);
  },
  binData(bytes, subtype) {
    appendBinData(writer, bytes, subtype);
  },
  value(value) {
    appendValue(writer, value, null);
  },
};

/**
 * Builds one key: `fill` appends the top-level elements (their names are never written), then the
 * end byte 0x04 follows. `fill` must not build another key meanwhile, as the buffer is shared.
 */
export function buildKeyString(fill: (b: KeyStringBuilder) => void): EncodedKeyString {
  if (busy) throw new Error('buildKeyString is not reentrant');
  busy = true;
  try {
    writer.reset(true);
    fill(builder);
    writer.byte(END);
    return { bytes: Buffer.from(writer.buf.subarray(0, writer.pos)), typeBits: writer.typeBitsBytes() };
  } finally {
    busy = false;
  }
}

/** The KeyString of a sequence of top-level values, as mongod encodes a BSON object's values. */
export function encodeKeyString(values: readonly unknown[]): EncodedKeyString {
  return buildKeyString((b) => {
    for (const v of values) b.value(v);
  });
}

/**
 * One value's KeyString bytes as a latin1 string (one char per byte, no end byte, no type bits):
 * `<` on two results is BSON order and equal strings mean BSON-equal values, so it serves as a
 * Map key for `_id`s and unique indexes, and as a sort key. Encodings are self-delimiting, so
 * concatenating the keys of several values gives a compound key with the same properties.
 */
export function keyStringOf(value: unknown): string {
  if (busy) throw new Error('keyStringOf called while a key is being built');
  writer.reset(false);
  appendValue(writer, value, null);
  return writer.buf.toString('latin1', 0, writer.pos);
}
