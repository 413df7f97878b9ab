// https://www.mongodb.com/docs/manual/reference/operator/aggregation/sort/
import { Lazy } from 'mingo/lazy';
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { sortDocuments } from '../../sort.js';
import type { PipelineOp } from './_internal.js';

/** Sorts the documents in BSON order (mingo sorts Long and Decimal128 as strings). */
export const $sort: PipelineOp = (collection, expr) => {
  if (!isDocument(expr) || Object.keys(expr).length === 0) {
    throw new EngineError('Location15976', '$sort stage must have at least one sort key', '$sort');
  }
  return collection.transform((docs) => Lazy(sortDocuments(docs, expr)));
};
