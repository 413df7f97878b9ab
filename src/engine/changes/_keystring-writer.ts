/**
 * KeyString type bytes (key_string.cpp `namespace CType`). Numbers carry their sign and size in the
 * type byte; for numbers, booleans and null the generic value (Numeric, False, Null) is what precedes
 * a field name inside an object.
 */
export const CType = {
  MinKey: 10,
  Undefined: 15,
  Null: 20,
  Numeric: 30,
  NaN: 30,
  NegativeLargeMagnitude: 31,
  Negative8ByteInt: 32,
  Negative1ByteInt: 39,
  NegativeSmallMagnitude: 40,
  Zero: 41,
  PositiveSmallMagnitude: 42,
  Positive1ByteInt: 43,
  Positive8ByteInt: 50,
  PositiveLargeMagnitude: 51,
  String: 60,
  Object: 70,
  Array: 80,
  BinData: 90,
  ObjectId: 100,
  False: 110,
  True: 111,
  Date: 120,
  Timestamp: 130,
  RegEx: 140,
  DBRef: 150,
  Code: 160,
  CodeWithScope: 170,
  MaxKey: 240,
} as const;

/**
 * The output buffer of the KeyString encoder, with mongod's TypeBits packing
 * (key_string.h `TypeBits`, research notes 4.4). One instance is reused for every key:
 * encoding is synchronous, and tokens are made for every event, so allocating per key would show.
 */
export class KeyStringWriter {
  buf: Buffer = Buffer.allocUnsafeSlow(512);
  pos = 0;
  /** keyStringOf never needs type bits, so it skips their bookkeeping. */
  trackTypeBits = true;
  private view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  private bits = new Uint8Array(32);
  private bitCount = 0;
  private allZeros = true;

  reset(trackTypeBits: boolean): void {
    this.pos = 0;
    this.trackTypeBits = trackTypeBits;
    this.bitCount = 0;
    this.allZeros = true;
  }

  ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buf.length * 2));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.length);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Two big-endian uint32 halves: JS numbers cannot hold a uint64 exactly. */
  u64(hi: number, lo: number): void {
    this.ensure(8);
    this.view.setUint32(this.pos, hi);
    this.view.setUint32(this.pos + 4, lo);
    this.pos += 8;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }

  bytes(src: Uint8Array): void {
    this.ensure(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** Bit-flips everything written since `from`: how negative magnitudes sort below positive ones. */
  invertFrom(from: number): void {
    for (let i = from; i < this.pos; i++) this.buf[i] = ~this.buf[i]! & 0xff;
  }

  /** UTF-8 bytes followed by NUL, each embedded NUL written as 00 FF so it sorts above the terminator. */
  cstring(s: string, escapeNuls: boolean): void {
    this.ensure(s.length * 3 + 1);
    const start = this.pos;
    this.pos += this.buf.write(s, start, 'utf8');
    if (escapeNuls && s.includes('\0')) this.escapeNuls(start);
    this.byte(0);
  }

  private escapeNuls(start: number): void {
    const raw = Buffer.from(this.buf.subarray(start, this.pos));
    this.pos = start;
    for (const b of raw) {
      this.byte(b);
      if (b === 0) this.byte(0xff);
    }
  }

  /** Appends one type bit; a new data byte starts at every 8th bit, even a zero one (mongod does so). */
  typeBit(bit: 0 | 1): void {
    if (!this.trackTypeBits) return;
    const index = this.bitCount >> 3;
    if ((this.bitCount & 7) === 0) {
      if (index === this.bits.length) {
        const grown = new Uint8Array(this.bits.length * 2);
        grown.set(this.bits);
        this.bits = grown;
      }
      this.bits[index] = 0;
    }
    if (bit === 1) {
      this.bits[index]! |= 1 << (this.bitCount & 7);
      this.allZeros = false;
    }
    this.bitCount++;
  }

  /** Bits of `value`, most significant first, as mongod appends multi-bit type codes. */
  typeBitsMsbFirst(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.typeBit(((value >> i) & 1) as 0 | 1);
  }

  /** The serialized TypeBits (getBuffer/getSize), or undefined for the all-zeros state. */
  typeBitsBytes(): Uint8Array | undefined {
    if (this.allZeros) return undefined;
    const n = (this.bitCount + 7) >> 3;
    const data = this.bits.subarray(0, n);
    if (n === 1 && data[0]! < 0x80) return Uint8Array.of(data[0]!);
    const header = n <= 127 ? Uint8Array.of(0x80 | n) : Uint8Array.of(0x80, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24);
    const out = new Uint8Array(header.length + n);
    out.set(header);
    out.set(data, header.length);
    return out;
  }
}
