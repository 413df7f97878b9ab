import type { Document } from 'bson';
import type { Engine } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import { decodeResumeToken, makeHighWaterMarkToken } from './resume-token.js';
import type { StreamSpec } from './stream-spec.js';

/** An event token the stream must find before it may return anything newer (else 280). */
export interface PendingResume {
  data: string;
  fromInvalidate: boolean;
}

/** Where a new change stream starts reading, and its first postBatchResumeToken. */
export interface StartPoint {
  seq: number;
  /** Events before this timestamp are never returned. */
  startTs: bigint;
  pbrt: Document;
  resume?: PendingResume;
}

/**
 * Resolves startAfter, resumeAfter, startAtOperationTime or "now" into an oplog position, in
 * mongod's order (changestreams.md 2.6, 4.5). A new stream starts one tick after lastApplied.
 * Uses a binary search, never a scan, so resuming costs the same with 1,000 or 1,000,000 entries.
 */
export function resolveStartPoint(engine: Engine, spec: StreamSpec): StartPoint {
  const token = spec.startAfter ?? spec.resumeAfter;
  let startTs: bigint;
  let pbrt: Document;
  let resume: PendingResume | undefined;
  if (token) {
    const data = decodeResumeToken(token);
    if (data.tokenType === 128) {
      if (data.fromInvalidate && spec.resumeAfter) {
        throw new EngineError('InvalidResumeToken', `Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate notification`);
      }
      resume = { data: data.data, fromInvalidate: data.fromInvalidate };
    }
    startTs = data.clusterTime;
    pbrt = token;
  } else {
    startTs = spec.startAtOperationTime ?? engine.clock.lastApplied() + 1n;
    pbrt = makeHighWaterMarkToken(startTs);
  }
  assertHistoryRetained(engine, startTs);
  return { seq: engine.oplog.seekTs(startTs), startTs, pbrt, resume };
}

/** 286 when `ts` is older than what the oplog still holds (or than this engine's start). */
export function assertHistoryRetained(engine: Engine, ts: bigint): void {
  const oplog = engine.oplog;
  const historyStart = oplog.hasTruncated ? (oplog.oldestTs() ?? engine.clock.lastApplied() + 1n) : engine.initTs;
  if (ts < historyStart) throw historyLost();
}

/** ChangeStreamHistoryLost, mongod's wording. */
export function historyLost(): EngineError {
  return new EngineError('ChangeStreamHistoryLost', 'Resume of change stream was not possible, as the resume point may no longer be in the oplog.');
}
