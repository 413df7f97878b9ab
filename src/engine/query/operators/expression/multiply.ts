// https://www.mongodb.com/docs/manual/reference/operator/aggregation/multiply/
import { aggregateArithmetic } from '../../numeric.js';
import { checkNumeric, evaluateArguments, type ExpressionOp } from './_internal.js';

/** Multiplies numbers of any BSON numeric type with mongod's type promotion; null or missing gives null. */
export const $multiply: ExpressionOp = (obj, expr, options) => {
  let product: unknown = 1;
  for (const v of evaluateArguments(obj, expr, options)) {
    if (v === null || v === undefined) return null;
    checkNumeric('$multiply', v);
    product = aggregateArithmetic(product, v, 'mul');
  }
  return product;
};
