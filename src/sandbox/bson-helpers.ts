import { Decimal128, Double, EJSON, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp, UUID } from 'bson';

/**
 * The shell's BSON constructors. mongosh lets learners call them without `new` (`ObjectId()`, `ISODate('...')`,
 * `Timestamp(1, 2)`), as the manual's examples do; each helper here works with and without `new`, and
 * `x instanceof ObjectId` still holds because each helper shares its class's prototype.
 */

/** Makes a helper that builds `make(...args)` whether it is called or constructed. */
function callable<T extends object>(name: string, make: (...args: never[]) => T, prototype?: object): (...args: never[]) => T {
  // A plain function, not a method or arrow: those cannot be called with `new`.
  const helper = function (...args: never[]): T {
    return make(...args);
  };
  Object.defineProperty(helper, 'name', { value: name });
  if (prototype) helper.prototype = prototype;
  return helper;
}

/** `Timestamp(t, i)` as in mongosh, or `Timestamp({t, i})` as in bson. */
function timestamp(t?: number | { t: number; i: number } | Long, i?: number): Timestamp {
  if (t === undefined) return new Timestamp({ t: 0, i: 0 });
  if (typeof t === 'number') return new Timestamp({ t, i: i ?? 0 });
  // Two calls because bson types the Long and the {t, i} constructor as separate overloads.
  if (t instanceof Long) return new Timestamp(t);
  return new Timestamp(t);
}

/** A Long from a number, a decimal string or a bigint. */
function long(value: number | string | bigint = 0): Long {
  if (typeof value === 'bigint') return Long.fromBigInt(value);
  return typeof value === 'number' ? Long.fromNumber(value) : Long.fromString(value);
}

/** The BSON helpers installed as shell globals, by name. */
export function bsonHelpers(): Record<string, unknown> {
  return {
    ObjectId: callable('ObjectId', (id?: string) => new ObjectId(id), ObjectId.prototype),
    ISODate: callable('ISODate', (text?: string) => (text === undefined ? new Date() : new Date(text))),
    Timestamp: callable('Timestamp', timestamp, Timestamp.prototype),
    Long: callable('Long', long, Long.prototype),
    NumberLong: callable('NumberLong', long, Long.prototype),
    Int32: callable('Int32', (value: number | string) => new Int32(Number(value)), Int32.prototype),
    NumberInt: callable('NumberInt', (value: number | string) => new Int32(Number(value)), Int32.prototype),
    Double: callable('Double', (value: number | string) => new Double(Number(value)), Double.prototype),
    Decimal128: callable('Decimal128', (value: string) => Decimal128.fromString(value), Decimal128.prototype),
    NumberDecimal: callable('NumberDecimal', (value: string) => Decimal128.fromString(value), Decimal128.prototype),
    UUID: callable('UUID', (value?: string) => new UUID(value), UUID.prototype),
    MinKey: callable('MinKey', () => new MinKey(), MinKey.prototype),
    MaxKey: callable('MaxKey', () => new MaxKey(), MaxKey.prototype),
    EJSON,
  };
}
