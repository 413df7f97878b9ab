import { CType, type KeyStringWriter } from './_keystring-writer.js';

// KeyString V1 numeric encodings (key_string.cpp `_appendInteger`, `_appendDoubleWithoutTypeBits`,
// `_appendSmallDouble`, `_appendLargeDouble`). Every numeric type shares one value space so that
// 1, NumberLong(1) and 1.0 produce the same bytes; only the type bits tell them apart.

/**
 * Decimal continuation markers: the low bits of a double's encoding that say how a NumberDecimal
 * relates to the double written in its place. Plain doubles always use EqualToDouble (0).
 */
export const Dcm = {
  EqualToDouble: 0,
  ContinuationLess: 1,
  EqualToDoubleRoundedUpTo15Digits: 2,
  ContinuationLarger: 3,
} as const;

const TWO_32 = 2 ** 32;
const TWO_63 = 2 ** 63;
/** Below this magnitude a small double has room for only one marker bit. */
export const TINIEST_DOUBLE_WITH_2BIT_DCM = 2 ** -255;
const TINY_UPSHIFT = 2 ** 256;

const scratch = new DataView(new ArrayBuffer(8));

function byteLength32(x: number): number {
  return x < 0x100 ? 1 : x < 0x10000 ? 2 : x < 0x1000000 ? 3 : 4;
}

/**
 * `_appendPreshiftedIntegerPortion`: the magnitude already shifted left by one (the low bit says
 * "a fraction follows"), split into uint32 halves, in the fewest big-endian bytes.
 */
export function appendPreshifted(w: KeyStringWriter, hi: number, lo: number, negative: boolean): void {
  const n = hi > 0 ? 4 + byteLength32(hi) : byteLength32(lo);
  w.byte(negative ? CType.Negative1ByteInt - (n - 1) : CType.Positive1ByteInt + (n - 1));
  const start = w.pos;
  w.ensure(n);
  for (let i = n - 1; i >= 0; i--) {
    w.buf[w.pos++] = i >= 4 ? (hi >>> ((i - 4) * 8)) & 0xff : (lo >>> (i * 8)) & 0xff;
  }
  if (negative) w.invertFrom(start);
}

/** An int32 or int64 given as its two's-complement uint32 halves (`_appendInteger`). */
export function appendInteger(w: KeyStringWriter, hi: number, lo: number): void {
  if (hi === 0 && lo === 0) {
    w.byte(CType.Zero);
    return;
  }
  const negative = hi < 0;
  if (negative && hi === -0x80000000 && lo === 0) {
    // -2^63 has no positive int64 counterpart; mongod encodes it as the double it equals.
    appendLargeDouble(w, -TWO_63, Dcm.EqualToDouble);
    return;
  }
  let mhi = hi >>> 0;
  let mlo = lo >>> 0;
  if (negative) {
    mlo = (~mlo + 1) >>> 0;
    mhi = (~mhi + (mlo === 0 ? 1 : 0)) >>> 0;
  }
  appendPreshifted(w, ((mhi << 1) | (mlo >>> 31)) >>> 0, (mlo << 1) >>> 0, negative);
}

/** A double's value bytes without type bits; `dcm` is non-zero only for NumberDecimal. */
export function appendDoubleValue(w: KeyStringWriter, num: number, dcm: number): void {
  const negative = num < 0;
  const magnitude = negative ? -num : num;
  if (!(magnitude >= 1)) {
    if (magnitude > 0) appendSmallDouble(w, num, dcm);
    else w.byte(num === 0 ? CType.Zero : CType.NaN);
    return;
  }
  if (magnitude >= TWO_63) {
    appendLargeDouble(w, num, dcm);
    return;
  }
  const integerPart = Math.floor(magnitude);
  if (integerPart === magnitude && dcm === Dcm.EqualToDouble) {
    const shifted = magnitude * 2;
    const hi = Math.floor(shifted / TWO_32);
    appendPreshifted(w, hi, shifted - hi * TWO_32, negative);
    return;
  }
  // Fractional: the integer part (doubled, plus the "has fraction" bit) and the binary fraction
  // share exactly 8 bytes, the fraction shifted left by 2 bits to leave room for the marker.
  const shiftedInt = integerPart * 2;
  const bitLength = shiftedInt < TWO_32 ? 32 - Math.clz32(shiftedInt) : 64 - Math.clz32(Math.floor(shiftedInt / TWO_32));
  const fractionalBytes = (64 - bitLength) >> 3;
  w.byte(negative ? CType.Negative8ByteInt + fractionalBytes : CType.Positive8ByteInt - fractionalBytes);
  const scale = 2 ** (8 * fractionalBytes);
  // Both terms are exact doubles below 2^64; adding them as uint32 halves keeps every bit.
  const [sHi, sLo] = split64(magnitude * scale);
  const [aHi, aLo] = split64((integerPart + 1) * scale);
  const lo = sLo + aLo;
  const carry = lo >= TWO_32 ? 1 : 0;
  const start = w.pos;
  w.u64((sHi + aHi + carry) >>> 0, ((lo - carry * TWO_32) | dcm) >>> 0);
  if (negative) w.invertFrom(start);
}

function split64(x: number): [number, number] {
  const hi = Math.floor(x / TWO_32);
  return [hi, x - hi * TWO_32];
}

function doubleBits(x: number): [number, number] {
  scratch.setFloat64(0, x);
  return [scratch.getUint32(0), scratch.getUint32(4)];
}

/** Magnitudes in (0, 1): the IEEE bits, which already sort, shifted to make room for the marker. */
function appendSmallDouble(w: KeyStringWriter, num: number, dcm: number): void {
  const negative = num < 0;
  const magnitude = negative ? -num : num;
  w.byte(negative ? CType.NegativeSmallMagnitude : CType.PositiveSmallMagnitude);
  let hi: number;
  let lo: number;
  if (magnitude >= TINIEST_DOUBLE_WITH_2BIT_DCM) {
    const [bHi, bLo] = doubleBits(magnitude);
    hi = (bHi << 2) | (bLo >>> 30);
    lo = (bLo << 2) | dcm;
  } else {
    // Scaled by 2^256 to avoid subnormals; prefixes 01/10 keep these below the 11 prefix above.
    const [bHi, bLo] = doubleBits(magnitude * TINY_UPSHIFT);
    hi = ((bHi << 1) | (bLo >>> 31)) + 0x40000000;
    lo = (bLo << 1) | (dcm !== Dcm.EqualToDouble ? 1 : 0);
  }
  const start = w.pos;
  w.u64(hi >>> 0, lo >>> 0);
  if (negative) w.invertFrom(start);
}

/** Magnitudes of at least 2^63, including infinities (all ones, above every finite value). */
export function appendLargeDouble(w: KeyStringWriter, num: number, dcm: number): void {
  const negative = num < 0;
  w.byte(negative ? CType.NegativeLargeMagnitude : CType.PositiveLargeMagnitude);
  const start = w.pos;
  if (Number.isFinite(num)) {
    // The exponent's top bit is always 1 here, so shifting it out loses nothing.
    const [bHi, bLo] = doubleBits(num);
    w.u64(((bHi << 1) | (bLo >>> 31)) & 0x7fffffff, ((bLo << 1) | (dcm !== Dcm.EqualToDouble ? 1 : 0)) >>> 0);
  } else {
    w.u64(0xffffffff, 0xffffffff);
  }
  if (negative) w.invertFrom(start);
}

/** A BSON double: value bytes plus type bits `10`, or `11000` for -0.0 (`_appendNumberDouble`). */
export function appendDouble(w: KeyStringWriter, num: number): void {
  if (num === 0 && Object.is(num, -0)) w.typeBitsMsbFirst(0b11000, 5);
  else w.typeBitsMsbFirst(0b10, 2);
  appendDoubleValue(w, num, Dcm.EqualToDouble);
}
