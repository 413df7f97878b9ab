/**
 * The aggregate command's pipeline evaluation (not change streams' `$changeStream` stage, which the change stream
 * code runs itself): mingo's stages over the BSON context, with mongod's stage validation and error codes.
 */
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { cloneDeep } from 'mingo/util';
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { isPipelineStage, mingoOptions } from './context.js';
import { withMingoErrors } from './mingo-errors.js';

/** What a pipeline may read besides its input. */
export interface PipelineOptions {
  /** The documents of another collection of the same database, for `$lookup`, `$graphLookup` and `$unionWith`. */
  resolveCollection?: (name: string) => object[];
}

/** mongod stages this engine recognises but cannot run (answered with NotImplemented, as FerretDB does). */
const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$geoNear',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$listSearchIndexes',
  '$changeStreamSplitLargeEvent',
]);

/** Where stages nest other pipelines: `$facet` values, and `pipeline` of `$lookup` and `$unionWith`. */
function nestedPipelines(name: string, arg: unknown): unknown[] {
  if (name === '$facet' && isDocument(arg)) return Object.values(arg);
  if ((name === '$lookup' || name === '$unionWith') && isDocument(arg) && arg.pipeline !== undefined) {
    return [arg.pipeline];
  }
  return [];
}

/** Checks every stage's shape and name before mingo runs anything, with mongod's codes and messages. */
function validatePipeline(pipeline: unknown): void {
  if (!Array.isArray(pipeline)) throw new EngineError('TypeMismatch', "'pipeline' option must be specified as an array");
  pipeline.forEach((stage: unknown, index) => {
    if (!isDocument(stage) || Object.keys(stage).length !== 1) {
      throw new EngineError('Location40323', 'A pipeline stage specification object must contain exactly one field.');
    }
    const name = Object.keys(stage)[0] as string;
    if (name === '$changeStream') {
      if (index > 0) throw new EngineError('Location40602', '$changeStream is only valid as the first stage in a pipeline.');
      throw notImplemented('$changeStream outside the change stream cursor');
    }
    if (UNSUPPORTED_STAGES.has(name)) throw notImplemented(name);
    if (!isPipelineStage(name)) {
      throw new EngineError('Location40324', `Unrecognized pipeline stage name: '${name}'`, name);
    }
    for (const nested of nestedPipelines(name, stage[name])) validatePipeline(nested);
  });
}

/**
 * Runs an aggregation pipeline over `docs` and returns the output documents. The input documents (and any
 * documents `resolveCollection` returns) are deep-copied first, because mingo's stages may modify their input.
 * Unknown stages are 40324 "Unrecognized pipeline stage name: '$x'"; `$out`/`$merge` are NotImplemented.
 */
export function runPipeline(docs: readonly object[], pipeline: object[], opts: PipelineOptions = {}): object[] {
  validatePipeline(pipeline);
  const resolve = opts.resolveCollection;
  const options = mingoOptions({
    processingMode: ProcessingMode.CLONE_INPUT,
    collectionResolver: resolve ? (name) => cloneDeep(resolve(name)) as never : undefined,
  });
  return withMingoErrors(() => new Aggregator(pipeline as never, options).run(docs as never) as object[]);
}
