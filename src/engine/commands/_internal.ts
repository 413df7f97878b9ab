import { Long, type Document } from 'bson';
import type { CommandContext } from '../dispatch/command-context.js';
import type { Cursor } from '../cursors/cursor.js';
import { QueryCursor } from '../cursors/cursor.js';
import { EngineError } from '../errors/engine-error.js';
import type { Collection } from '../storage/collection.js';
import { int, optional } from './_params.js';

/** The server version the engine reports; spec tests gate on it (runOnRequirements). */
export const SERVER_VERSION = '8.0.0';
/** The highest wire version reported in hello (MongoDB 7.0's, as the engine issue asks; every 6.x/7.x driver accepts it). */
export const MAX_WIRE_VERSION = 21;
/** aggregate and find return at most this many documents in the first batch unless asked otherwise. */
export const DEFAULT_FIRST_BATCH = 101;

/** A cursor reply, with the id as int64 (the driver reads it with a typed getter). */
export function cursorReply(ns: string, id: bigint, batchField: 'firstBatch' | 'nextBatch', batch: Document[], extra: Document = {}): Document {
  return { cursor: { [batchField]: batch, ...extra, id: Long.fromBigInt(id), ns }, ok: 1 };
}

/**
 * Answers a command whose whole result is known now: the first batch, and a cursor for the rest
 * when there is more than one batch.
 */
export function firstBatchReply(ctx: CommandContext, ns: string, docs: Document[], batchSize: number | undefined): Document {
  const cursors = ctx.engine.cursors;
  const cursor = new QueryCursor(cursors.newId(), ns, docs);
  const { batch, exhausted } = cursor.next(batchSize ?? DEFAULT_FIRST_BATCH);
  if (exhausted) return cursorReply(ns, 0n, 'firstBatch', batch);
  cursors.add(cursor);
  return cursorReply(ns, cursor.id, 'firstBatch', batch);
}

/** `cursor.batchSize` of find/aggregate-style commands; a negative size is BadValue as in mongod. */
export function cursorBatchSize(ctx: CommandContext, field = 'cursor'): number | undefined {
  const cursorOptions = optional<Document>(ctx, field, 'object');
  const size = cursorOptions?.batchSize;
  if (size === undefined) return undefined;
  const n = typeof size === 'number' ? size : Number(size);
  if (!Number.isFinite(n) || n < 0) throw new EngineError('BadValue', `Batch size for aggregate must be non-negative, but received: ${n}`, 'cursor.batchSize');
  return n;
}

/** `batchSize` of find/getMore. */
export function plainBatchSize(ctx: CommandContext): number | undefined {
  const n = int(ctx, 'batchSize');
  if (n !== undefined && n < 0) throw new EngineError('BadValue', `BatchSize value must be non-negative, but received: ${n}`, 'batchSize');
  return n;
}

/** The collection a read targets; views are read through their pipeline by the caller. */
export function readableCollection(ctx: CommandContext, name: string): Collection | undefined {
  return ctx.engine.catalog.get(ctx.db, name);
}

/** Looks up an open cursor by the getMore/killCursors id. */
export function lookupCursor(ctx: CommandContext, id: bigint): Cursor | undefined {
  return ctx.engine.cursors.get(id);
}
