// https://www.mongodb.com/docs/manual/reference/operator/aggregation/match/
import { OpType } from 'mingo/core';
import { Query } from 'mingo/query';
import type { AnyObject } from 'mingo/types';
import { normalizeFilter } from '../../normalize-filter.js';
import type { PipelineOp } from './_internal.js';

/** Passes documents matching the filter, checked and normalized as `find` filters are (mongod's messages). */
export const $match: PipelineOp = (collection, expr, options) => {
  const isOperator = (name: string) => options.context.getOperator(OpType.QUERY, name) !== null;
  const query = new Query(normalizeFilter(expr, isOperator), options);
  return collection.filter((doc: AnyObject) => query.test(doc));
};
