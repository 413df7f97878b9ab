// https://www.mongodb.com/docs/manual/reference/operator/aggregation/sum/
import { $push } from 'mingo/operators/accumulator';
import { aggregateArithmetic, numericKind } from '../../numeric.js';
import type { AccumulatorOp } from './_internal.js';

/** Sums the numeric values of any BSON numeric type (mingo skips Long and Decimal128); others are ignored. */
export const $sum: AccumulatorOp = (collection, expr, options) => {
  let sum: unknown = 0;
  for (const v of $push(collection, expr, options)) {
    if (numericKind(v)) sum = aggregateArithmetic(sum, v, 'add');
  }
  return sum;
};
