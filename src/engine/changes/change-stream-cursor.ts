import type { Document } from 'bson';
import { bsonSizeOf } from '../bson-size.js';
import type { Cursor } from '../cursors/cursor.js';
import type { Engine } from '../engine.js';
import { eventIdentifier, uuidBytes } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import { runPipeline } from '../query/aggregate.js';
import { buildEvent, buildInvalidateEvent } from './event-builder.js';
import type { OplogEntry } from './oplog-entry.js';
import { decodeResumeToken, makeHighWaterMarkToken, makeResumeToken } from './resume-token.js';
import { historyLost, type PendingResume, type StartPoint } from './start-point.js';
import { classify } from './stream-scope.js';
import type { StreamSpec } from './stream-spec.js';

/** getMore waits this long for an event when the client sends no maxTimeMS (mongod's awaitData default). */
export const DEFAULT_AWAIT_MS = 1000;
/** Upper bound of one batch's BSON size; mongod's is 16 MB. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** One batch of a change stream. */
export interface ChangeBatch {
  events: Document[];
  postBatchResumeToken: Document;
  /** True once the stream was invalidated: the reply carries id 0 and `invalidated: true`. */
  invalidated: boolean;
}

/**
 * A $changeStream cursor: a position in the oplog plus mongod's rules for resuming (swallow up to
 * the token, 280 if it is missing), invalidation, user stages and postBatchResumeToken
 * (plan_executor_pipeline.cpp `_performChangeStreamsAccounting`, changestreams.md 2.6).
 */
export class ChangeStreamCursor implements Cursor {
  readonly isChangeStream = true;
  private position: number;
  private pbrt: Document;
  private latestTs: bigint;
  private lastScannedTs: bigint | undefined;
  private resume: PendingResume | undefined;
  private pendingInvalidate: OplogEntry | undefined;
  private invalidated = false;
  private readonly killed = new AbortController();

  constructor(
    readonly id: bigint,
    readonly ns: string,
    private readonly engine: Engine,
    private readonly spec: StreamSpec,
    private readonly userPipeline: Document[],
    start: StartPoint,
    readonly comment?: unknown,
  ) {
    this.position = start.seq;
    this.pbrt = start.pbrt;
    this.latestTs = decodeResumeToken(start.pbrt).clusterTime;
    this.resume = start.resume;
  }

  get isInvalidated(): boolean {
    return this.invalidated;
  }

  kill(): void {
    this.killed.abort();
  }

  /** Whatever is available now, up to `limit` events; never waits. */
  nextBatch(limit: number): ChangeBatch {
    const events: Document[] = [];
    let bytes = 0;
    const oplog = this.engine.oplog;
    if (this.pendingInvalidate && limit > 0) this.emitInvalidate(events, this.pendingInvalidate);
    while (!this.invalidated && events.length < limit && bytes < MAX_BATCH_BYTES) {
      if (this.position < oplog.start) throw historyLost();
      const entry = oplog.at(this.position);
      if (!entry) break;
      this.position++;
      this.lastScannedTs = entry.ts;
      const verdict = classify(entry, this.spec.scope, this.spec.showExpandedEvents);
      if (verdict === 'skip') continue;
      const invalidates = verdict === 'event-then-invalidate' || verdict === 'invalidate';
      if (this.resume && this.swallowedByResume(entry, invalidates)) continue;
      if (verdict === 'invalidate') {
        this.emitInvalidate(events, entry);
        break;
      }
      const event = this.transform(buildEvent(entry, this.spec, this.engine.catalog), entry);
      if (event) {
        events.push(event);
        bytes += approximateEventSize(event);
        this.pbrt = entry.token;
        this.latestTs = entry.ts;
      }
      if (verdict === 'event-then-invalidate') {
        if (events.length < limit) this.emitInvalidate(events, entry);
        else this.pendingInvalidate = entry;
        break;
      }
    }
    if (!this.invalidated && oplog.at(this.position) === undefined && this.lastScannedTs !== undefined && this.lastScannedTs > this.latestTs) {
      this.pbrt = makeHighWaterMarkToken(this.lastScannedTs);
      this.latestTs = this.lastScannedTs;
    }
    return { events, postBatchResumeToken: this.pbrt, invalidated: this.invalidated };
  }

  /**
   * Waits until at least one event is available, the stream is invalidated, `maxTimeMS` passes, or
   * the cursor is killed; only events this stream returns end the wait early.
   */
  async awaitBatch(limit: number, maxTimeMS: number, connection: AbortSignal): Promise<ChangeBatch> {
    const deadline = Date.now() + maxTimeMS;
    const signal = AbortSignal.any([connection, this.killed.signal]);
    for (;;) {
      const batch = this.nextBatch(limit);
      if (batch.events.length > 0 || batch.invalidated) return batch;
      if (this.killed.signal.aborted) throw new EngineError('CursorKilled', `cursor id ${this.id} was killed`);
      const remaining = deadline - Date.now();
      if (remaining <= 0 || signal.aborted) return batch;
      await this.engine.oplog.waitForAppend(remaining, signal);
    }
  }

  // Events at or before the resume token are swallowed; the first newer one proves the token was
  // never seen, which mongod reports as 280 (lazily, like EnsureResumeTokenPresent).
  private swallowedByResume(entry: OplogEntry, invalidates: boolean): boolean {
    const resume = this.resume!;
    const token = entry.token._data;
    if (invalidates && resume.fromInvalidate && this.invalidateToken(entry)._data === resume.data) {
      this.resume = undefined;
      return true;
    }
    if (token < resume.data) return true;
    if (token === resume.data) {
      this.resume = undefined;
      if (invalidates) this.pendingInvalidate = entry;
      return true;
    }
    throw new EngineError('ChangeStreamFatalError', `cannot resume stream; the resume token was not found. ${JSON.stringify({ _data: token })}`);
  }

  private emitInvalidate(events: Document[], entry: OplogEntry): void {
    const token = this.invalidateToken(entry);
    events.push(buildInvalidateEvent(entry, token));
    this.pendingInvalidate = undefined;
    this.invalidated = true;
    this.pbrt = token;
  }

  private invalidateToken(entry: OplogEntry): { _data: string } {
    return makeResumeToken({
      clusterTime: entry.ts,
      version: 2,
      tokenType: 128,
      txnOpIndex: 0,
      fromInvalidate: true,
      uuid: entry.uuid ? uuidBytes(entry.uuid) : null,
      eventIdentifier: eventIdentifier(entry),
    });
  }

  // User stages run per event; an event whose _id they changed is 280, as in mongod.
  private transform(event: Document, entry: OplogEntry): Document | undefined {
    if (this.userPipeline.length === 0) return event;
    const [out] = runPipeline([event], this.userPipeline) as Document[];
    if (!out) return undefined;
    const id = out._id as Document | undefined;
    if (!id || id._data !== entry.token._data || Object.keys(id).length !== Object.keys(entry.token).length) {
      throw new EngineError(
        'ChangeStreamFatalError',
        `Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. Modifying the _id field of an event makes it impossible to resume the stream from that point. Only transformations that retain the unmodified _id field are allowed. Expected: ${JSON.stringify({ _id: entry.token })} but found: ${JSON.stringify({ _id: id ?? null })}`,
      );
    }
    return out;
  }
}

/** Fields besides the documents (token, namespace, times): a generous bound, so batches stay under 16 MB. */
const EVENT_OVERHEAD_BYTES = 1024;

// Sizing every event exactly would cost as much as serializing it; the documents dominate, and a
// stored document's size is known from the wire or computed once (events share those objects).
function approximateEventSize(event: Document): number {
  let bytes = EVENT_OVERHEAD_BYTES;
  for (const part of [event.fullDocument, event.fullDocumentBeforeChange, event.updateDescription]) {
    if (part && typeof part === 'object') bytes += bsonSizeOf(part as Document);
  }
  return bytes;
}
