import type { OplogEntry } from './oplog-entry.js';

/**
 * A bounded, in-memory oplog. Entries live in a ring of `capacity` slots addressed by `seq`, so the
 * oldest entry falls off in O(1) and any timestamp is found by binary search, never by a full scan.
 */
export class Oplog {
  private readonly ring: (OplogEntry | undefined)[];
  private firstSeq = 0;
  private nextSeq = 0;
  private truncated = false;
  private waiters = new Set<() => void>();
  private notifyScheduled = false;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`oplog capacity must be a positive integer, got ${capacity}`);
    this.ring = new Array(capacity);
  }

  /** Appends an entry (its `seq` is assigned here) and wakes waiting change-stream getMores. */
  append(entry: Omit<OplogEntry, 'seq'>): OplogEntry {
    const full = entry as OplogEntry;
    full.seq = this.nextSeq;
    this.ring[this.nextSeq % this.capacity] = full;
    this.nextSeq++;
    if (this.nextSeq - this.firstSeq > this.capacity) {
      this.firstSeq++;
      this.truncated = true;
    }
    this.scheduleNotify();
    return full;
  }

  /** The first retained seq. */
  get start(): number {
    return this.firstSeq;
  }

  /** One past the last seq. */
  get end(): number {
    return this.nextSeq;
  }

  /** True once any entry has fallen off: resume points before `start` are then history lost. */
  get hasTruncated(): boolean {
    return this.truncated;
  }

  /** The entry at `seq`, or undefined when it has fallen off or does not exist yet. */
  at(seq: number): OplogEntry | undefined {
    if (seq < this.firstSeq || seq >= this.nextSeq) return undefined;
    return this.ring[seq % this.capacity];
  }

  /** The oldest retained entry's timestamp, or undefined when the oplog is empty. */
  oldestTs(): bigint | undefined {
    return this.at(this.firstSeq)?.ts;
  }

  /** The seq of the first retained entry with `ts >= target` (or `end` if none). */
  seekTs(target: bigint): number {
    let lo = this.firstSeq;
    let hi = this.nextSeq;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1);
      if (this.ring[mid % this.capacity]!.ts < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops every entry (test hook: makes history-lost reachable without writing `capacity` entries). */
  truncateAll(): void {
    if (this.nextSeq > this.firstSeq) this.truncated = true;
    for (let seq = this.firstSeq; seq < this.nextSeq; seq++) this.ring[seq % this.capacity] = undefined;
    this.firstSeq = this.nextSeq;
  }

  /**
   * Resolves on the next append, when `signal` aborts, or after `ms`. Resolving is the only
   * outcome: the caller re-reads the oplog and decides.
   */
  waitForAppend(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  // A burst of writes (insertMany) wakes each waiter once, after the burst, not once per document.
  private scheduleNotify(): void {
    if (this.notifyScheduled || this.waiters.size === 0) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const wake of [...this.waiters]) wake();
    });
  }
}
