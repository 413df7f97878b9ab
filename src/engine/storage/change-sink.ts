import type { OplogEntry } from '../changes/oplog-entry.js';

/** What storage reports for each write; the engine stamps it with a timestamp and token and logs it. */
export type ChangeRecord = Omit<OplogEntry, 'seq' | 'ts' | 'wall' | 'token'>;

/** Where storage sends its writes: the engine's oplog. */
export interface ChangeSink {
  record(change: ChangeRecord): void;
}
