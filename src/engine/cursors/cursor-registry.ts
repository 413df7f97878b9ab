import { randomBytes } from 'node:crypto';
import type { Cursor } from './cursor.js';

/** Open cursors by id. Ids are random non-zero int64s, as mongod's are, so stale ids from a past run never hit. */
export class CursorRegistry {
  private readonly cursors = new Map<bigint, Cursor>();

  /** A fresh id for a cursor about to be created. */
  newId(): bigint {
    for (;;) {
      const id = randomBytes(8).readBigInt64LE() & 0x7fffffffffffffffn;
      if (id !== 0n && !this.cursors.has(id)) return id;
    }
  }

  add(cursor: Cursor): void {
    this.cursors.set(cursor.id, cursor);
  }

  get(id: bigint): Cursor | undefined {
    return this.cursors.get(id);
  }

  /** Removes and kills a cursor; false if there was none. */
  kill(id: bigint): boolean {
    const cursor = this.cursors.get(id);
    if (!cursor) return false;
    this.cursors.delete(id);
    cursor.kill();
    return true;
  }

  /** Forgets a cursor that finished by itself (exhausted or invalidated). */
  remove(id: bigint): void {
    this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  killAll(): void {
    for (const id of [...this.cursors.keys()]) this.kill(id);
  }
}
