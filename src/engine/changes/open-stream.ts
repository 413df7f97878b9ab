import type { Document } from 'bson';
import type { Engine } from '../engine.js';
import { ChangeStreamCursor, type ChangeBatch } from './change-stream-cursor.js';
import { resolveStartPoint } from './start-point.js';
import { validateStreamPipeline } from './stream-pipeline.js';
import { parseStreamSpec } from './stream-spec.js';

/** A newly opened stream and its first batch (computed at once: aggregate never waits). */
export interface OpenedStream {
  cursor: ChangeStreamCursor;
  firstBatch: ChangeBatch;
}

/**
 * Opens a change stream for `aggregate` with a `$changeStream` first stage. The cursor is
 * registered only if the stream is still open after its first batch.
 */
export function openChangeStream(
  engine: Engine,
  db: string,
  target: string | 1,
  pipeline: Document[],
  batchSize: number,
  comment: unknown,
): OpenedStream {
  const spec = parseStreamSpec(pipeline[0]!.$changeStream, db, target);
  const userPipeline = pipeline.slice(1);
  validateStreamPipeline(userPipeline);
  const start = resolveStartPoint(engine, spec);
  const ns = target === 1 ? `${db}.$cmd.aggregate` : `${db}.${target}`;
  const cursor = new ChangeStreamCursor(engine.cursors.newId(), ns, engine, spec, userPipeline, start, comment);
  const firstBatch = cursor.nextBatch(batchSize);
  if (!firstBatch.invalidated) engine.cursors.add(cursor);
  return { cursor, firstBatch };
}
