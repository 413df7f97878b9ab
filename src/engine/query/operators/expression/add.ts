// https://www.mongodb.com/docs/manual/reference/operator/aggregation/add/
import { EngineError } from '../../../errors/engine-error.js';
import { aggregateArithmetic, toDouble } from '../../numeric.js';
import { checkNumeric, evaluateArguments, type ExpressionOp } from './_internal.js';

/**
 * Adds numbers of any BSON numeric type with mongod's type promotion (mingo only adds JS numbers), or a number
 * of milliseconds to one date. Null or missing arguments give null.
 */
export const $add: ExpressionOp = (obj, expr, options) => {
  let sum: unknown = 0;
  let date: Date | undefined;
  for (const v of evaluateArguments(obj, expr, options)) {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) {
      if (date) throw new EngineError('BadValue', 'only one date allowed in an $add expression', '$add');
      date = v;
      continue;
    }
    checkNumeric('$add', v, 'numeric or date');
    sum = aggregateArithmetic(sum, v, 'add');
  }
  return date ? new Date(date.getTime() + Math.round(toDouble(sum))) : sum;
};
