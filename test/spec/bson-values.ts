import { EJSON, Long } from 'bson';

/**
 * Classification and comparison of the values the matcher meets: plain JS values from the Extended JSON parser on
 * the expected side, and whatever the driver hands back on the actual side (numbers promoted to JS numbers, Long,
 * ObjectId, Binary, Timestamp, Date...).
 */

/** A BSON value class instance from the `bson` package, recognised by its `_bsontype` tag. */
interface BsonTagged {
  _bsontype: string;
}

function bsonTag(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const tag = (value as Partial<BsonTagged>)._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** True for a BSON document: a plain object that is not an array, a Date, a byte array or a bson value class. */
export function isDocument(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    !(value instanceof Uint8Array) &&
    bsonTag(value) === undefined
  );
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The `$type` names (as in the $type query operator) a value may have had on the wire.
 * The driver promotes int32, int64 (when safe) and double alike to JS numbers, so an integral number can only be
 * narrowed to "int or double" (or "long or double" outside the int32 range); a fractional number is a double.
 */
export function bsonTypeNames(value: unknown): string[] {
  if (value === null) return ['null'];
  if (value === undefined) return ['undefined'];
  switch (typeof value) {
    case 'string':
      return ['string'];
    case 'boolean':
      return ['bool'];
    case 'bigint':
      return ['long', 'number'];
    case 'number':
      if (!Number.isInteger(value)) return ['double', 'number'];
      return value >= INT32_MIN && value <= INT32_MAX ? ['int', 'double', 'number'] : ['long', 'double', 'number'];
    default:
      break;
  }
  if (Array.isArray(value)) return ['array'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (value instanceof Uint8Array) return ['binData'];
  switch (bsonTag(value)) {
    case 'Int32':
      return ['int', 'number'];
    case 'Long':
      return ['long', 'number'];
    case 'Double':
      return ['double', 'number'];
    case 'Decimal128':
      return ['decimal', 'number'];
    case 'ObjectId':
      return ['objectId'];
    case 'Binary':
      return ['binData'];
    case 'Timestamp':
      return ['timestamp'];
    case 'BSONRegExp':
      return ['regex'];
    case 'Code':
      return (value as { scope?: unknown }).scope ? ['javascriptWithScope'] : ['javascript'];
    case 'BSONSymbol':
      return ['symbol'];
    case 'MinKey':
      return ['minKey'];
    case 'MaxKey':
      return ['maxKey'];
    case 'DBPointer':
      return ['dbPointer'];
    case 'DBRef':
    case undefined:
      return ['object'];
    default:
      return [];
  }
}

/**
 * The numeric value of an int32/int64/double (JS number, bigint, Int32, Long, Double), or undefined for anything
 * else. Decimal128 is left out on purpose: the format excludes it from flexible numeric comparison.
 * Longs become bigint so that values beyond 2^53 still compare exactly.
 */
export function numericValue(value: unknown): number | bigint | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  switch (bsonTag(value)) {
    case 'Int32':
    case 'Double':
      return (value as { valueOf(): number }).valueOf();
    case 'Long':
      return (value as Long).toBigInt();
    default:
      return undefined;
  }
}

/** Compares two numbers that may be bigint; -1, 0 or 1 (NaN compares as unequal and yields NaN). */
export function compareNumeric(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    // Mixing: an integral double converts to bigint exactly; a fractional one compares fine as a number.
    const [x, y] = [a, b].map((n) => (typeof n === 'number' && Number.isInteger(n) ? BigInt(n) : n));
    if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
    return Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : Number(x) === Number(y) ? 0 : NaN;
  }
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

/**
 * Equality of two non-document, non-array values with the format's rules: flexible numerics, otherwise same type
 * and same value (compared through canonical Extended JSON for bson value classes).
 */
export function scalarEquals(expected: unknown, actual: unknown): boolean {
  const e = numericValue(expected);
  const a = numericValue(actual);
  if (e !== undefined || a !== undefined) return e !== undefined && a !== undefined && compareNumeric(e, a) === 0;
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object') {
    return expected === actual;
  }
  if (expected instanceof Date || actual instanceof Date) {
    return expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime();
  }
  return canonical(expected) === canonical(actual);
}

/** Canonical Extended JSON of any value, for comparing bson value classes and for messages. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return EJSON.stringify(value, { relaxed: false });
}

/** Short relaxed Extended JSON rendering for failure messages (long values are cut in the middle). */
export function describe(value: unknown, limit = 300): string {
  if (value === undefined) return '(absent)';
  let text: string;
  try {
    text = EJSON.stringify(value, { relaxed: true });
  } catch {
    text = String(value);
  }
  return text.length <= limit ? text : `${text.slice(0, limit - 40)} … ${text.slice(-30)}`;
}
