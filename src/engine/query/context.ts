/**
 * The one mingo `Context` the engine evaluates with: all of mingo's operators, with BSON-aware replacements
 * where mingo compares BSON values wrongly (Long and Decimal128 as strings, no type bracketing, `$type` by JS
 * type, `$elemMatch` on scalar arrays, sorting). It is built explicitly and never touches mingo's globals.
 *
 * mingo v7 lets a context override every operator kind (query, expression, accumulator, pipeline), so nothing
 * has to be wrapped from outside. Note that `Context.from(a, b)` and `addQueryOps` keep the *first*
 * registration of a name, which is why this context is built in one `Context.init` call with the replacements
 * already merged, and why callers must pass it to mingo's base classes (`mingo/query`, `mingo/aggregator`)
 * rather than to the default-export ones, which would put mingo's own operators first.
 */
import { Context, OpType, ProcessingMode } from 'mingo/core';
import * as mingoAccumulators from 'mingo/operators/accumulator';
import * as mingoExpressions from 'mingo/operators/expression';
import * as mingoPipeline from 'mingo/operators/pipeline';
import * as mingoProjection from 'mingo/operators/projection';
import * as mingoQuery from 'mingo/operators/query';
import * as mingoWindow from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import * as bsonAccumulators from './operators/accumulator/index.js';
import * as bsonExpressions from './operators/expression/index.js';
import * as bsonPipeline from './operators/pipeline/index.js';
import * as bsonQuery from './operators/query/index.js';

type Operators = Record<`$${string}`, never>;

/**
 * The `$`-named operators of a module namespace. Under Node, mingo resolves to its CommonJS build, whose
 * namespace also carries a `default` export that must not become an operator.
 */
function operatorsOf(ns: object): Operators {
  return Object.fromEntries(Object.entries(ns).filter(([name]) => name.startsWith('$'))) as Operators;
}

/**
 * mingo's operators of one kind with ours in place of the same names. Every replacement must name an existing
 * mingo operator, so a misspelt file cannot silently register a new operator instead of fixing one.
 */
function replaceOperators(kind: string, base: object, replacements: object): Operators {
  const ops = operatorsOf(base);
  const ours = operatorsOf(replacements);
  for (const name of Object.keys(ours)) {
    if (!(name in ops)) throw new Error(`BSON ${kind} operator ${name} does not replace a mingo operator`);
  }
  return { ...ops, ...ours };
}

/** Stages that write to collections: the aggregate command rejects them before mingo could run its own. */
const WRITE_STAGES = new Set(['$out', '$merge']);

function withoutWriteStages(ops: Operators): Operators {
  return Object.fromEntries(Object.entries(ops).filter(([name]) => !WRITE_STAGES.has(name))) as Operators;
}

/** The BSON-aware context shared by filters, projections, aggregation and `$pull` conditions. */
export const BSON_CONTEXT: Context = Context.init({
  accumulator: replaceOperators('accumulator', mingoAccumulators, bsonAccumulators),
  expression: replaceOperators('expression', mingoExpressions, bsonExpressions),
  pipeline: withoutWriteStages(replaceOperators('pipeline', mingoPipeline, bsonPipeline)),
  projection: operatorsOf(mingoProjection),
  query: replaceOperators('query', mingoQuery, bsonQuery),
  window: operatorsOf(mingoWindow),
});

/**
 * mingo options using the BSON context. `CLONE_OFF` because callers own copying: mingo's stages may modify
 * input documents in place, so `runPipeline` asks for `CLONE_INPUT` explicitly.
 */
export function mingoOptions(extra: Partial<Options> = {}): Options {
  return {
    idKey: '_id',
    useStrictMode: true,
    scriptEnabled: true,
    failOnError: true,
    processingMode: ProcessingMode.CLONE_OFF,
    ...extra,
    context: BSON_CONTEXT,
  };
}

/** True when `name` is a query operator of the BSON context (`$eq`, `$regex`, …). */
export function isQueryOperator(name: string): boolean {
  return BSON_CONTEXT.getOperator(OpType.QUERY, name) !== null;
}

/** True when `name` is a pipeline stage of the BSON context. */
export function isPipelineStage(name: string): boolean {
  return BSON_CONTEXT.getOperator(OpType.PIPELINE, name) !== null;
}
