/**
 * Exact comparison and arithmetic across the four BSON numeric types, as mongod does them:
 * int32 and double are JS numbers, int64 is a bson `Long`, decimal is a bson `Decimal128`.
 */
import { Decimal128, Long } from 'bson';
import { bsonTag, bsonTypeOf, isInt32Number } from './bson-types.js';

/** The numeric BSON type of a value, or undefined when it is not a number. */
export type NumericKind = 'int' | 'double' | 'long' | 'decimal';

/** The numeric kind of `v` (JS numbers by their int32/double serialization), or undefined. */
export function numericKind(v: unknown): NumericKind | undefined {
  const t = bsonTypeOf(v);
  return t === 'int' || t === 'double' || t === 'long' || t === 'decimal' ? t : undefined;
}

/** A bson Double or Int32 wrapper, or a JS number, as a JS number. */
function asJsNumber(v: unknown): number {
  return typeof v === 'number' ? v : Number((v as { valueOf(): unknown }).valueOf());
}

function asBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  return (v as Long).toBigInt();
}

// ---- exact comparison -------------------------------------------------------------------------

/** A numeric value as an exact rational, so that doubles, int64 and decimals compare without rounding. */
type Exact = { k: 'nan' } | { k: 'inf'; neg: boolean } | { k: 'fin'; num: bigint; den: bigint };

const FLOAT_VIEW = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double: mantissa * 2^exponent, decomposed from its IEEE bits. */
function exactDouble(x: number): Exact {
  if (Number.isNaN(x)) return { k: 'nan' };
  if (!Number.isFinite(x)) return { k: 'inf', neg: x < 0 };
  if (Number.isInteger(x)) return { k: 'fin', num: BigInt(x), den: 1n };
  FLOAT_VIEW.setFloat64(0, x);
  const hi = FLOAT_VIEW.getUint32(0);
  const lo = FLOAT_VIEW.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const signed = hi >>> 31 ? -mantissa : mantissa;
  return exponent >= 0
    ? { k: 'fin', num: signed << BigInt(exponent), den: 1n }
    : { k: 'fin', num: signed, den: 1n << BigInt(-exponent) };
}

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** A decimal string ("1.5", "1E+3", "-0.00") as sign-carrying coefficient and base-10 exponent. */
function parseDecimal(text: string): { coef: bigint; exp: number } | Exact {
  if (/^[+-]?nan$/i.test(text)) return { k: 'nan' };
  if (/^[+-]?inf(inity)?$/i.test(text)) return { k: 'inf', neg: text.startsWith('-') };
  const m = DECIMAL_PATTERN.exec(text);
  if (!m) return { k: 'nan' };
  const frac = m[3] ?? '';
  const coef = BigInt(m[2] + frac);
  return { coef: m[1] === '-' ? -coef : coef, exp: Number(m[4] ?? 0) - frac.length };
}

function exactDecimal(d: Decimal128): Exact {
  const parsed = parseDecimal(d.toString());
  if ('k' in parsed) return parsed;
  return parsed.exp >= 0
    ? { k: 'fin', num: parsed.coef * 10n ** BigInt(parsed.exp), den: 1n }
    : { k: 'fin', num: parsed.coef, den: 10n ** BigInt(-parsed.exp) };
}

function toExact(v: unknown): Exact {
  if (typeof v === 'number') return exactDouble(v);
  const tag = typeof v === 'object' && v !== null ? bsonTag(v) : undefined;
  if (tag === 'Decimal128') return exactDecimal(v as Decimal128);
  if (tag === 'Double' || tag === 'Int32') return exactDouble(asJsNumber(v));
  return { k: 'fin', num: asBigInt(v), den: 1n };
}

function rank(e: Exact): number {
  if (e.k === 'nan') return 0;
  if (e.k === 'inf') return e.neg ? 1 : 3;
  return 2;
}

function compareExact(a: Exact, b: Exact): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra !== 2) return Math.sign(ra - rb);
  const fa = a as Extract<Exact, { k: 'fin' }>;
  const fb = b as Extract<Exact, { k: 'fin' }>;
  const l = fa.num * fb.den;
  const r = fb.num * fa.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Compares two numeric values of any BSON numeric type exactly; NaN sorts below every number and equals NaN,
 * as in mongod's sort order. Both arguments must be numeric (see `numericKind`).
 */
export function compareNumeric(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  }
  const ta = typeof a === 'object' && a !== null ? bsonTag(a) : undefined;
  const tb = typeof b === 'object' && b !== null ? bsonTag(b) : undefined;
  if (ta === 'Long' && tb === 'Long') {
    const x = (a as Long).toBigInt();
    const y = (b as Long).toBigInt();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareExact(toExact(a), toExact(b));
}

/** True when a numeric value is NaN (double or decimal). */
export function isNaNValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  return typeof v === 'object' && v !== null && bsonTag(v) === 'Decimal128' && toExact(v).k === 'nan';
}

// ---- arithmetic ---------------------------------------------------------------------------------

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

type DecimalParts = { coef: bigint; exp: number } | Exact;

/**
 * A value as decimal parts. Doubles are converted with 15 significant digits, as mongod's
 * Decimal128(double) does, so `NumberDecimal("1") + 0.1` is 1.100000000000000 and not 1.1000000000000000055…
 */
function decimalParts(v: unknown, kind: NumericKind): DecimalParts {
  if (kind === 'decimal') return parseDecimal((v as Decimal128).toString());
  if (kind === 'double') {
    const x = asJsNumber(v);
    if (!Number.isFinite(x)) return Number.isNaN(x) ? { k: 'nan' } : { k: 'inf', neg: x < 0 };
    return parseDecimal(x.toPrecision(15));
  }
  return { coef: asBigInt(v), exp: 0 };
}

function decimalFromParts(p: DecimalParts): Decimal128 {
  if ('k' in p) {
    if (p.k === 'nan') return Decimal128.fromString('NaN');
    if (p.k === 'inf') return Decimal128.fromString(p.neg ? '-Infinity' : 'Infinity');
    throw new Error('unreachable: finite exact value as decimal parts');
  }
  return Decimal128.fromStringWithRounding(`${p.coef}E${p.exp}`);
}

function decimalArithmetic(a: DecimalParts, b: DecimalParts, op: 'add' | 'mul'): DecimalParts {
  if ('k' in a || 'k' in b) {
    if (('k' in a && a.k === 'nan') || ('k' in b && b.k === 'nan')) return { k: 'nan' };
    const infA = 'k' in a && a.k === 'inf' ? a : undefined;
    const infB = 'k' in b && b.k === 'inf' ? b : undefined;
    if (op === 'add') {
      if (infA && infB) return infA.neg === infB.neg ? infA : { k: 'nan' };
      return (infA ?? infB) as Exact;
    }
    const other = (infA ? b : a) as DecimalParts;
    const inf = (infA ?? infB) as { k: 'inf'; neg: boolean };
    if (!('k' in other) && other.coef === 0n) return { k: 'nan' };
    const otherNeg = 'k' in other ? (other as { neg: boolean }).neg : other.coef < 0n;
    return { k: 'inf', neg: inf.neg !== otherNeg };
  }
  if (op === 'mul') return { coef: a.coef * b.coef, exp: a.exp + b.exp };
  const exp = Math.min(a.exp, b.exp);
  return { coef: a.coef * 10n ** BigInt(a.exp - exp) + b.coef * 10n ** BigInt(b.exp - exp), exp };
}

const KIND_ORDER: Record<NumericKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

/**
 * `a + b` or `a * b` with mongod's type promotion: int op int stays int unless it overflows (then long),
 * anything with long is long, anything with double is double, anything with decimal is decimal.
 * Returns undefined when a long result overflows int64 (mongod refuses the update then).
 */
export function arithmetic(a: unknown, b: unknown, op: 'add' | 'mul'): unknown {
  const ka = numericKind(a);
  const kb = numericKind(b);
  if (!ka || !kb) throw new TypeError('arithmetic on a non-numeric value');
  const kind = KIND_ORDER[ka] >= KIND_ORDER[kb] ? ka : kb;
  switch (kind) {
    case 'int': {
      const x = asJsNumber(a);
      const y = asJsNumber(b);
      if (op === 'add') {
        const r = x + y;
        return isInt32Number(r) ? r : Long.fromNumber(r);
      }
      const r = BigInt(x) * BigInt(y);
      return r >= -2147483648n && r <= 2147483647n ? Number(r) : Long.fromBigInt(r);
    }
    case 'long': {
      const r = op === 'add' ? asBigInt(a) + asBigInt(b) : asBigInt(a) * asBigInt(b);
      return r < INT64_MIN || r > INT64_MAX ? undefined : Long.fromBigInt(r);
    }
    case 'double': {
      const x = ka === 'long' ? (a as Long).toNumber() : asJsNumber(a);
      const y = kb === 'long' ? (b as Long).toNumber() : asJsNumber(b);
      return op === 'add' ? x + y : x * y;
    }
    case 'decimal':
      return decimalFromParts(decimalArithmetic(decimalParts(a, ka), decimalParts(b, kb), op));
  }
}

/** A numeric value of any kind as the nearest double. */
export function toDouble(v: unknown): number {
  const kind = numericKind(v);
  if (kind === 'long') return (v as Long).toNumber();
  if (kind === 'decimal') return Number((v as Decimal128).toString());
  return asJsNumber(v);
}

/**
 * Aggregation arithmetic (`$add`, `$multiply`, `$sum`): `arithmetic`'s type promotion, except that a long
 * overflow gives a double, as mongod's expressions do, instead of failing.
 */
export function aggregateArithmetic(a: unknown, b: unknown, op: 'add' | 'mul'): unknown {
  const result = arithmetic(a, b, op);
  if (result !== undefined) return result;
  return op === 'add' ? toDouble(a) + toDouble(b) : toDouble(a) * toDouble(b);
}

/** A zero of the given numeric kind, the starting value mongod uses for `$inc`/`$mul` on a missing field. */
export function zeroOf(kind: NumericKind): unknown {
  switch (kind) {
    case 'long':
      return Long.fromNumber(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return 0;
  }
}
