import {
  appendDoubleValue,
  appendLargeDouble,
  appendPreshifted,
  Dcm,
  TINIEST_DOUBLE_WITH_2BIT_DCM,
} from './_keystring-numbers.js';
import { CType, type KeyStringWriter } from './_keystring-writer.js';

// A port of key_string.cpp `_appendNumberDecimal` (KeyString V1). mongod does the arithmetic with
// Intel's decimal library; here every step is exact BigInt arithmetic on coefficient * 10^exponent,
// with the same directed rounding, so the result depends only on the decimal's value (0.10 and 0.1
// encode alike; the exponent goes to the type bits). The arithmetic is on magnitudes; a negative
// value takes the negative type byte and stores every payload byte inverted, as mongod does.

/** A non-negative decimal magnitude: coefficient * 10^exponent. */
type Dec = [coefficient: bigint, exponent: number];

const EXPONENT_BIAS = 6176;
const MIN_EXPONENT = -6176;
const MAX_DIGITS = 34;
const MIN_NORMAL_DOUBLE = 2 ** -1022;
const TWO_53 = 2 ** 53;
const TWO_63 = 2 ** 63;
const U64_MASK = (1n << 64n) - 1n;

const pow10Cache: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push(pow10Cache[i - 1]! * 10n);
  return pow10Cache[n]!;
}

function digitCount(c: bigint): number {
  return c.toString().length;
}

function bitLength(x: bigint): number {
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** Rounds to at most `digits` significant digits, away from zero when `up`, else toward zero. */
function roundDigits([c, e]: Dec, digits: number, up: boolean, minExponent = -Infinity): Dec {
  const drop = Math.max(digitCount(c) - digits, minExponent - e);
  if (drop <= 0) return [c, e];
  const p = pow10(drop);
  let q = c / p;
  if (up && q * p !== c) q += 1n;
  return [q, e + drop];
}

/** Scales the coefficient up to 34 digits (what mongod gets by adding 0E-6176). */
function normalize([c, e]: Dec): Dec {
  const pad = Math.min(MAX_DIGITS - digitCount(c), e - MIN_EXPONENT);
  return pad > 0 ? [c * pow10(pad), e - pad] : [c, e];
}

function compare([c1, e1]: Dec, [c2, e2]: Dec): number {
  const a = e1 > e2 ? c1 * pow10(e1 - e2) : c1;
  const b = e2 > e1 ? c2 * pow10(e2 - e1) : c2;
  return a < b ? -1 : a > b ? 1 : 0;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** The exact decimal value of a positive finite double. */
function exactDecimalOf(x: number): Dec {
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(bitsView.getUint32(4));
  if (biased !== 0) mantissa |= 1n << 52n;
  const k = (biased === 0 ? 1 : biased) - 1075;
  return k >= 0 ? [mantissa << BigInt(k), 0] : [mantissa * 5n ** BigInt(-k), k];
}

/** `Decimal128(double, precision, mode)` on a magnitude. */
function decimalFromDouble(x: number, digits: number, up: boolean): Dec {
  return roundDigits(exactDecimalOf(x), digits, up);
}

/** `toDouble(kRoundTowardZero)`: the largest double not above the value, and whether it is equal. */
function toDoubleTowardZero([c, e]: Dec): { value: number; exact: boolean } {
  const num = e >= 0 ? c * pow10(e) : c;
  const den = e >= 0 ? 1n : pow10(-e);
  const k = bitLength(num) - bitLength(den);
  const below = k >= 0 ? num < den << BigInt(k) : num << BigInt(-k) < den;
  const log2 = below ? k - 1 : k;
  if (log2 > 1023) return { value: Number.MAX_VALUE, exact: false };
  const shift = log2 < -1022 ? 1074 : 52 - log2;
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  const q = scaledNum / scaledDen;
  return { value: Number(q) * 2 ** -shift, exact: q * scaledDen === scaledNum };
}

function multiplyTowardZero([c1, e1]: Dec, [c2, e2]: Dec): Dec {
  return roundDigits([c1 * c2, e1 + e2], MAX_DIGITS, false, MIN_EXPONENT);
}

const UPSHIFT_2_256 = roundDigits([1n << 256n, 0], MAX_DIGITS, false);
const DOWNSHIFT_2_256 = roundDigits([5n ** 256n, -256], MAX_DIGITS, false);

/** The 128-bit BID encoding of a canonical magnitude, as two uint64s. */
function bidBits([c, e]: Dec): [bigint, bigint] {
  return [(BigInt(e + EXPONENT_BIAS) << 49n) | (c >> 64n), c & U64_MASK];
}

/** A uint64 payload word; negative values store every payload byte inverted so they sort in reverse. */
function writeU64(w: KeyStringWriter, v: bigint, negative: boolean): void {
  const start = w.pos;
  w.u64(Number(v >> 32n), Number(v & 0xffffffffn));
  if (negative) w.invertFrom(start);
}

/** The 64-bit continuation: how far the value lies above the stored approximation, in its last digit. */
function writeContinuation(w: KeyStringWriter, value: Dec, stored: Dec, negative: boolean): void {
  const [sc, se] = normalize(stored);
  const diff = value[0] * pow10(value[1] - se) - sc;
  if (value[1] < se || diff < 0n || diff > U64_MASK) throw new Error('KeyString: decimal continuation out of range');
  writeU64(w, diff, negative);
}

interface ParsedDecimal {
  negative: boolean;
  kind: 'finite' | 'nan' | 'infinity';
  value: Dec;
  biasedExponent: number;
}

function parseDecimal(bytes: Uint8Array): ParsedDecimal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 16);
  const lo = view.getBigUint64(0, true);
  const hi = view.getBigUint64(8, true);
  const negative = hi >> 63n === 1n;
  const combination = Number((hi >> 58n) & 0x1fn);
  if (combination === 0x1f) return { negative, kind: 'nan', value: [0n, 0], biasedExponent: 0 };
  if (combination === 0x1e) return { negative, kind: 'infinity', value: [0n, 0], biasedExponent: 0 };
  // The "11" form can only hold coefficients of 2^113 or more: non-canonical, so zero.
  const largeForm = ((hi >> 61n) & 3n) === 3n;
  const biasedExponent = Number((hi >> (largeForm ? 47n : 49n)) & 0x3fffn);
  let coefficient = largeForm ? 0n : ((hi & ((1n << 49n) - 1n)) << 64n) | lo;
  if (coefficient >= pow10(MAX_DIGITS)) coefficient = 0n;
  return { negative, kind: 'finite', value: [coefficient, biasedExponent - EXPONENT_BIAS], biasedExponent };
}

/** A NumberDecimal given as its 16 little-endian BID bytes: value bytes and type bits. */
export function appendDecimal(w: KeyStringWriter, bytes: Uint8Array): void {
  const d = parseDecimal(bytes);
  const { negative, value } = d;
  if (d.kind === 'finite' && value[0] === 0n) {
    // Each of the 24576 decimal zeros keeps its exponent and sign in 17 type bits.
    const whichZero = d.biasedExponent + (negative ? 12288 : 0);
    w.typeBitsMsbFirst((whichZero >> 12) + 0b11010, 5);
    w.typeBitsMsbFirst(whichZero & 0xfff, 12);
    w.byte(CType.Zero);
    return;
  }
  w.typeBitsMsbFirst(0b11, 2);
  if (d.kind === 'nan') {
    w.byte(CType.NaN);
    return;
  }
  if (d.kind === 'infinity') {
    appendLargeDouble(w, negative ? -Infinity : Infinity, Dcm.EqualToDouble);
    return;
  }
  w.typeBitsMsbFirst(d.biasedExponent & 63, 6);
  appendFinite(w, value, negative);
}

function appendFinite(w: KeyStringWriter, value: Dec, negative: boolean): void {
  const { value: bin, exact } = toDoubleTowardZero(value);
  const signed = negative ? -bin : bin;
  if (exact) return appendDoubleValue(w, signed, Dcm.EqualToDouble);
  if (bin < MIN_NORMAL_DOUBLE) return appendTiny(w, value, bin, negative);
  if (bin >= Number.MAX_VALUE) {
    // Beyond every finite double: the BID bits with the top bit set sort below infinity's all-ones.
    w.byte(negative ? CType.NegativeLargeMagnitude : CType.PositiveLargeMagnitude);
    const [hi, lo] = bidBits(normalize(value));
    writeU64(w, hi | (1n << 63n), negative);
    writeU64(w, lo, negative);
    return;
  }
  let stored: Dec;
  if (bin >= TWO_63 || bin < TINIEST_DOUBLE_WITH_2BIT_DCM) {
    // Only one marker bit fits here, so any inexact decimal carries a continuation.
    appendDoubleValue(w, signed, Dcm.ContinuationLarger);
    stored = decimalFromDouble(bin, MAX_DIGITS, true);
  } else if (bin >= TWO_53) {
    // The double may have lost integer digits: write the exact integer part instead.
    const integerPart = value[1] >= 0 ? value[0] * pow10(value[1]) : value[0] / pow10(-value[1]);
    const hasFraction = compare([integerPart, 0], value) !== 0;
    const shifted = (integerPart << 1n) | (hasFraction ? 1n : 0n);
    appendPreshifted(w, Number(shifted >> 32n), Number(shifted & 0xffffffffn), negative);
    if (!hasFraction) return;
    // Seven integer bytes leave one byte for the marker, keeping the fraction 8 bytes long.
    if (integerPart < 1n << 55n) w.byte(negative ? ~Dcm.ContinuationLarger & 0xff : Dcm.ContinuationLarger);
    stored = [integerPart, 0];
  } else if (value[0] < pow10(15)) {
    return appendDoubleValue(w, signed, Dcm.EqualToDoubleRoundedUpTo15Digits);
  } else {
    const fromBin = decimalFromDouble(bin, 15, true);
    const order = compare(value, fromBin);
    if (order === 0) return appendDoubleValue(w, signed, Dcm.EqualToDoubleRoundedUpTo15Digits);
    appendDoubleValue(w, signed, order < 0 ? Dcm.ContinuationLess : Dcm.ContinuationLarger);
    stored = decimalFromDouble(bin, MAX_DIGITS, true);
  }
  writeContinuation(w, value, stored, negative);
}

/** `_appendTinyDecimalWithoutTypeBits`: below the normal double range, scaled by 2^256. */
function appendTiny(w: KeyStringWriter, value: Dec, bin: number, negative: boolean): void {
  w.byte(negative ? CType.NegativeSmallMagnitude : CType.PositiveSmallMagnitude);
  if (bin === 0) {
    const [hi, lo] = bidBits(normalize(value));
    writeU64(w, hi, negative);
    writeU64(w, lo, negative);
    return;
  }
  const scaled = toDoubleTowardZero(multiplyTowardZero(value, UPSHIFT_2_256)).value;
  const scaledBin = Math.max(scaled, bin * 2 ** 256);
  bitsView.setFloat64(0, scaledBin);
  const hi = BigInt(bitsView.getUint32(0));
  const lo = BigInt(bitsView.getUint32(4));
  // Prefix 01: above the 00 of sub-subnormal decimals, below the 11 of ordinary small doubles.
  writeU64(w, ((((hi << 32n) | lo) << 1n) & U64_MASK | 1n) + (1n << 62n), negative);
  const stored = multiplyTowardZero(decimalFromDouble(scaledBin, MAX_DIGITS, false), DOWNSHIFT_2_256);
  writeContinuation(w, value, stored, negative);
}
