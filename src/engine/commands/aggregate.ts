import type { Document } from 'bson';
import { openChangeStream } from '../changes/open-stream.js';
import { KNOWN_STAGES, stageName } from '../changes/stream-pipeline.js';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { runPipeline } from '../query/aggregate.js';
import { cursorBatchSize, cursorReply, DEFAULT_FIRST_BATCH, firstBatchReply } from './_internal.js';
import { readCollection, resolveCollection } from './_read.js';
import { isDocument, required } from './_params.js';

/** Stages the engine recognises but does not run (they need server-side state it does not keep). */
const UNSUPPORTED_STAGES = new Set(['$out', '$merge', '$collStats', '$indexStats', '$currentOp', '$listSessions', '$listLocalSessions', '$planCacheStats', '$search', '$searchMeta', '$vectorSearch', '$geoNear', '$queryStats', '$querySettings', '$listSearchIndexes', '$changeStreamSplitLargeEvent']);

/** aggregate implements `aggregate`: change streams (a `$changeStream` first stage) and ordinary pipelines. */
export const aggregate: CommandSpec = {
  name: 'aggregate',
  help: 'run an aggregation pipeline or open a change stream',
  handler: (ctx) => {
    const { body, db, engine } = ctx;
    const target = body.aggregate === 1 || body.aggregate === 1.0 ? 1 : body.aggregate;
    if (target !== 1 && typeof target !== 'string') {
      throw new EngineError('TypeMismatch', `Invalid aggregate namespace: 'aggregate' must be a string or 1`, 'aggregate');
    }
    const pipeline = required<Document[]>(ctx, 'pipeline', 'array');
    if (!isDocument(body.cursor) && body.explain !== true) {
      throw new EngineError('FailedToParse', `The 'cursor' option is required, except for aggregate with the explain argument`, 'cursor');
    }
    if (body.explain === true) throw notImplemented('aggregate explain');
    const batchSize = cursorBatchSize(ctx) ?? DEFAULT_FIRST_BATCH;
    const names = pipeline.map(stageName);
    if (names[0] === '$changeStream') {
      ctx.markChangeStream();
      const { cursor, firstBatch } = openChangeStream(engine, db, target, pipeline, batchSize, body.comment);
      return cursorReply(cursor.ns, firstBatch.invalidated ? 0n : cursor.id, 'firstBatch', firstBatch.events, {
        postBatchResumeToken: firstBatch.postBatchResumeToken,
        ...(firstBatch.invalidated ? { invalidated: true } : {}),
      });
    }
    for (const name of names) {
      if (name === '$changeStream') throw new EngineError('Location40602', '$changeStream is only valid as the first stage in a pipeline.');
      if (!KNOWN_STAGES.has(name)) throw new EngineError('Location40324', `Unrecognized pipeline stage name: '${name}'`, name);
      if (UNSUPPORTED_STAGES.has(name)) throw notImplemented(`the ${name} stage`);
    }
    const source = target === 1 ? [] : readCollection(ctx, target);
    const results = runPipeline(source, pipeline, { resolveCollection: (name) => resolveCollection(ctx, name) });
    const ns = target === 1 ? `${db}.$cmd.aggregate` : `${db}.${target}`;
    return firstBatchReply(ctx, ns, results, batchSize);
  },
};
