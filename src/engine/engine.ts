import { Binary, type Document } from 'bson';
import { ClusterClock } from './changes/cluster-clock.js';
import { Oplog } from './changes/oplog.js';
import type { OplogEntry } from './changes/oplog-entry.js';
import { makeResumeToken } from './changes/resume-token.js';
import { CursorRegistry } from './cursors/cursor-registry.js';
import { FailPoints } from './failpoints/fail-points.js';
import { Catalog } from './storage/catalog.js';
import type { ChangeRecord, ChangeSink } from './storage/change-sink.js';

/** Engine settings, resolved by the caller (startReplSet) before the engine starts. */
export interface EngineOptions {
  /** Replica set name reported in hello (`setName`). */
  replSetName: string;
  /** Oplog capacity in entries (events); older entries fall off and resuming before them is 286. */
  oplogSize: number;
  /** Where the engine writes its log lines (connection errors, bugs). */
  log: (line: string) => void;
}

/**
 * The state of one embedded replica set: catalog, oplog, clock, cursors and fail points. Command
 * handlers receive it through their context; nothing here knows about sockets or framing.
 */
export class Engine implements ChangeSink {
  readonly clock = new ClusterClock();
  readonly oplog: Oplog;
  readonly catalog = new Catalog(this);
  readonly cursors = new CursorRegistry();
  readonly failPoints = new FailPoints();
  readonly startedAt = new Date();
  /** Timestamps at or before this were never in this engine's history: resuming there is history lost. */
  readonly initTs: bigint;

  constructor(readonly options: EngineOptions) {
    this.oplog = new Oplog(options.oplogSize);
    this.initTs = this.clock.tick();
  }

  record(change: ChangeRecord): void {
    const ts = this.clock.tick();
    const entry = change as OplogEntry;
    entry.ts = ts;
    entry.wall = new Date();
    entry.token = makeResumeToken({
      clusterTime: ts,
      version: 2,
      tokenType: 128,
      txnOpIndex: 0,
      fromInvalidate: false,
      uuid: change.uuid ? uuidBytes(change.uuid) : null,
      eventIdentifier: eventIdentifier(change),
    });
    this.oplog.append(entry);
  }

  log(line: string): void {
    this.options.log(line);
  }
}

/** The raw 16 bytes of a UUID, as the resume token embeds them. */
export function uuidBytes(uuid: Binary): Uint8Array {
  return uuid.buffer.subarray(0, uuid.position);
}

/**
 * The part of a version-2 resume token that identifies the event within its timestamp:
 * `{operationType, documentKey}` for CRUD, `{operationType[, operationDescription]}` for DDL.
 */
export function eventIdentifier(change: ChangeRecord): Document {
  if (change.documentKey) return { operationType: change.op, documentKey: change.documentKey };
  if (change.operationDescription) {
    return { operationType: change.op, operationDescription: change.operationDescription };
  }
  return { operationType: change.op };
}
