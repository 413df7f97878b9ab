// https://www.mongodb.com/docs/manual/reference/operator/aggregation/project/
import { compileProjection } from '../../projection.js';
import type { PipelineOp } from './_internal.js';

/** Reshapes documents with mongod's projection rules, keeping the input's field order (mingo moves `_id` last). */
export const $project: PipelineOp = (collection, expr, options) => {
  const project = compileProjection(expr, { mode: 'aggregate', options });
  return collection.map((doc: object) => project(doc));
};
