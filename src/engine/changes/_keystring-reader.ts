import { EngineError } from '../errors/engine-error.js';
import { CType } from './_keystring-writer.js';

// Walks a KeyString V1 produced with all-ascending ordering, as key_string.cpp's
// `filterKeyFromKeyString` does, consuming type bits in step so that the type of each top-level
// numeric element can be checked. Values are skipped, not rebuilt: a resume token's parser only
// needs its leading scalars and where its eventIdentifier starts and ends.

const END = 0x04;
const DISCRIMINATOR_LESS = 0x01;
const DISCRIMINATOR_GREATER = 0xfe;
const TYPE_INT = 0;
const TYPE_DECIMAL = 3;

function formatError(code: 'Location50615' | 'Location50811' | 'Location50816' | 'Location50910', message: string): EngineError {
  return new EngineError(code, `KeyString format error: ${message}`);
}

/** Reads serialized TypeBits (key_string.h `TypeBits::getBuffer` layout) one bit at a time. */
class TypeBitsReader {
  private data: Uint8Array;
  private bit = 0;
  private allZeros: boolean;

  constructor(buffer: Uint8Array | undefined) {
    if (!buffer || buffer.length === 0 || buffer[0] === 0) {
      this.data = new Uint8Array(0);
      this.allZeros = true;
      return;
    }
    const first = buffer[0]!;
    let offset = 1;
    let size: number;
    if (first < 0x80) {
      size = 1;
      offset = 0;
    } else if (first > 0x80) {
      size = first & 0x7f;
    } else {
      if (buffer.length < 5) throw overflow(4, buffer.length - 1, 1);
      size = new DataView(buffer.buffer, buffer.byteOffset + 1, 4).getUint32(0, true);
      if (size <= 127) throw formatError('Location50910', 'Invalid overlong encoding.');
      offset = 5;
    }
    if (offset + size > buffer.length) throw overflow(size, buffer.length - offset, offset);
    this.data = buffer.subarray(offset, offset + size);
    this.allZeros = size === 0;
  }

  read(width: number): number {
    let value = 0;
    for (let i = 0; i < width; i++) value = (value << 1) | this.readBit();
    return value;
  }

  private readBit(): number {
    if (this.allZeros) return 0;
    const byte = this.bit >> 3;
    if (byte >= this.data.length) throw formatError('Location50615', 'Invalid size byte(s).');
    return (this.data[byte]! >> (this.bit++ & 7)) & 1;
  }
}

function overflow(wanted: number, available: number, offset: number): EngineError {
  return new EngineError('Overflow', `Invalid advance (${wanted}) past end of buffer[${available + offset}] at offset: ${offset}`);
}

/** A numeric element: its BSON type code from the type bits and, when it is an integer, its value. */
export interface NumericElement {
  /** 0 int, 1 long, 2 double, 3 decimal; 0b11000 is a double -0.0, 0b11010-0b11111 decimal zeros. */
  type: number;
  integer: number | undefined;
}

/** Cursor over the top-level elements of one key. */
export class KeyStringReader {
  pos = 0;
  private typeBits: TypeBitsReader;

  constructor(
    private readonly bytes: Uint8Array,
    typeBits: Uint8Array | undefined,
  ) {
    this.typeBits = new TypeBitsReader(typeBits);
  }

  /** The next element's type byte, or undefined at the end of the key. */
  nextType(): number | undefined {
    if (this.pos >= this.bytes.length) return undefined;
    let ctype = this.byte();
    if (ctype === DISCRIMINATOR_LESS || ctype === DISCRIMINATOR_GREATER) {
      if (this.pos >= this.bytes.length) return undefined;
      ctype = this.byte();
    }
    return ctype === END ? undefined : ctype;
  }

  /** Walks every element, so that a malformed key fails as mongod's full decode would, before any field check. */
  skipAll(): void {
    for (let ctype = this.nextType(); ctype !== undefined; ctype = this.nextType()) this.skip(ctype);
  }

  timestamp(): bigint {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.take(8), 8);
    return view.getBigUint64(0);
  }

  /** The payload of a BinData element, whose type byte was just read. */
  binData(): { subtype: number; bytes: Uint8Array } {
    let size = this.byte();
    if (size === 0xff) size = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.take(4), 4).getUint32(0);
    const subtype = this.byte();
    const start = this.take(size);
    return { subtype, bytes: this.bytes.subarray(start, start + size) };
  }

  numeric(ctype: number): NumericElement {
    const negative = ctype < CType.Zero;
    if (ctype === CType.Zero) {
      let type = this.typeBits.read(2);
      if (type === 0b11) type = (type << 3) | this.typeBits.read(3);
      if (type >= 0b11010) this.typeBits.read(12);
      return { type, integer: 0 };
    }
    const type = this.typeBits.read(2);
    let integer: number | undefined;
    let hasContinuation = false;
    if (ctype === CType.NaN) {
      return { type, integer: undefined };
    } else if (ctype === CType.PositiveLargeMagnitude || ctype === CType.NegativeLargeMagnitude) {
      const [hi, lo] = this.word(negative);
      if (hi === 0xffffffff && lo === 0xffffffff) return { type, integer: undefined };
      if (hi >= 0x80000000) this.take(8);
      else hasContinuation = (lo & 1) === 1;
    } else if (ctype === CType.PositiveSmallMagnitude || ctype === CType.NegativeSmallMagnitude) {
      const [hi, lo] = this.word(negative);
      const prefix = hi >>> 30;
      if (prefix === 0) this.take(8);
      else hasContinuation = (lo & 1) === 1;
    } else if (ctype >= CType.Negative8ByteInt && ctype <= CType.Positive8ByteInt) {
      const n = negative ? CType.Negative1ByteInt - ctype + 1 : ctype - CType.Positive1ByteInt + 1;
      let encoded = 0;
      let last = 0;
      for (let i = 0; i < n; i++) {
        last = negative ? ~this.byte() & 0xff : this.byte();
        encoded = encoded * 256 + last;
      }
      if ((last & 1) === 0) {
        integer = (negative ? -1 : 1) * Math.floor(encoded / 2);
      } else {
        for (let i = n; i < 8; i++) last = negative ? ~this.byte() & 0xff : this.byte();
        // With 8 integer bytes there is no room for a marker, and a decimal always continues.
        hasContinuation = type === TYPE_DECIMAL && (n === 8 || (last & 1) === 1);
      }
    } else {
      throw formatError('Location50811', `Unknown type: ${ctype}`);
    }
    if (type === TYPE_DECIMAL) {
      if (hasContinuation) this.take(8);
      this.typeBits.read(6);
    }
    return { type, integer };
  }

  /** Steps over one value of any type, whose type byte was just read. */
  skip(ctype: number): void {
    switch (ctype) {
      case CType.MinKey:
      case CType.Undefined:
      case CType.Null:
      case CType.False:
      case CType.True:
      case CType.MaxKey:
        return;
      case CType.Date:
      case CType.Timestamp:
        this.take(8);
        return;
      case CType.ObjectId:
        this.take(12);
        return;
      case CType.String:
        this.typeBits.read(1);
        this.stringWithNuls();
        return;
      case CType.Code:
        this.stringWithNuls();
        return;
      case CType.CodeWithScope:
        this.stringWithNuls();
        this.fields();
        return;
      case CType.BinData:
        this.binData();
        return;
      case CType.RegEx:
        this.cstring();
        this.cstring();
        return;
      case CType.DBRef:
        this.take(new DataView(this.bytes.buffer, this.bytes.byteOffset + this.take(4), 4).getUint32(0) + 12);
        return;
      case CType.Object:
        this.fields();
        return;
      case CType.Array:
        for (let t = this.byte(); t !== 0; t = this.byte()) this.skip(t);
        return;
      default:
        this.numeric(ctype);
    }
  }

  private fields(): void {
    for (let t = this.byte(); t !== 0; t = this.byte()) {
      this.cstring();
      this.skip(this.byte());
    }
  }

  private word(invert: boolean): [number, number] {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.take(8), 8);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    return invert ? [~hi >>> 0, ~lo >>> 0] : [hi, lo];
  }

  private cstring(): void {
    const end = this.bytes.indexOf(0, this.pos);
    if (end === -1) throw formatError('Location50816', 'Failed to find null terminator in string.');
    this.pos = end + 1;
  }

  private stringWithNuls(): void {
    this.cstring();
    while (this.pos < this.bytes.length && this.bytes[this.pos] === 0xff) {
      this.pos++;
      this.cstring();
    }
  }

  private byte(): number {
    return this.bytes[this.take(1)]!;
  }

  /** Advances by `n` bytes and returns where they start. */
  private take(n: number): number {
    const start = this.pos;
    if (start + n > this.bytes.length) throw overflow(n, this.bytes.length - start, start);
    this.pos += n;
    return start;
  }
}

/** Whether a numeric element is a NumberInt holding an integer. */
export function isInt32(element: NumericElement): element is { type: 0; integer: number } {
  return element.type === TYPE_INT && element.integer !== undefined;
}
