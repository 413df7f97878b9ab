import { Timestamp } from 'bson';

/**
 * Hands out strictly increasing oplog timestamps: `t` is wall-clock seconds, `i` counts within the
 * second. Every write gets its own timestamp, so (ts) alone orders events and finds resume points.
 * Timestamps are kept as bigint `(t << 32) | i`, the same number the KeyString encodes.
 */
export class ClusterClock {
  private last: bigint;

  constructor(private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000)) {
    this.last = BigInt(this.nowSeconds()) << 32n;
  }

  /** The next timestamp, for a new oplog entry. */
  tick(): bigint {
    const seconds = BigInt(this.nowSeconds());
    const lastSeconds = this.last >> 32n;
    this.last = seconds > lastSeconds ? (seconds << 32n) | 1n : this.last + 1n;
    return this.last;
  }

  /** The last timestamp handed out: mongod's lastApplied optime. */
  lastApplied(): bigint {
    return this.last;
  }
}

/** The BSON Timestamp for a bigint timestamp. */
export function toTimestamp(ts: bigint): Timestamp {
  return new Timestamp({ t: Number(ts >> 32n), i: Number(ts & 0xffffffffn) });
}

/** The bigint form of a BSON Timestamp, for comparisons. */
export function fromTimestamp(ts: Timestamp): bigint {
  return (BigInt(ts.high >>> 0) << 32n) | BigInt(ts.low >>> 0);
}
