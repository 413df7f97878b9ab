import { HEADER_LENGTH, MAX_MESSAGE_SIZE_BYTES } from './constants.js';
import { WireProtocolError } from './wire-error.js';

/**
 * Splits a TCP byte stream into whole messages. Chunks are kept as a list and joined only when a
 * message is complete, so a 48 MB message arriving in 64 KB pieces is copied once, not 750 times.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds bytes from the socket and returns every message they complete (header included). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      const length = this.peekLength();
      if (length < HEADER_LENGTH || length > MAX_MESSAGE_SIZE_BYTES) {
        throw new WireProtocolError(`invalid message length ${length} (must be ${HEADER_LENGTH}..${MAX_MESSAGE_SIZE_BYTES})`);
      }
      if (this.buffered < length) break;
      frames.push(this.take(length));
    }
    return frames;
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32LE(0);
    const head = Buffer.concat(this.chunks, Math.min(this.buffered, 4));
    return head.readInt32LE(0);
  }

  private take(length: number): Buffer {
    const first = this.chunks[0]!;
    let frame: Buffer;
    if (first.length >= length) {
      frame = first.subarray(0, length);
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
    } else {
      const all = Buffer.concat(this.chunks, this.buffered);
      frame = all.subarray(0, length);
      this.chunks = all.length > length ? [all.subarray(length)] : [];
    }
    this.buffered -= length;
    return frame;
  }
}
