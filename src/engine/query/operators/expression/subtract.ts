// https://www.mongodb.com/docs/manual/reference/operator/aggregation/subtract/
import { Long } from 'bson';
import { EngineError } from '../../../errors/engine-error.js';
import { aggregateArithmetic, toDouble } from '../../numeric.js';
import { checkNumeric, evaluateArguments, type ExpressionOp } from './_internal.js';

/**
 * Subtracts numbers of any BSON numeric type, milliseconds from a date, or a date from a date (a long number of
 * milliseconds). Null or missing arguments give null.
 */
export const $subtract: ExpressionOp = (obj, expr, options) => {
  const args = evaluateArguments(obj, expr, options);
  if (args.length !== 2) {
    throw new EngineError('Location16020', `Expression $subtract takes exactly 2 arguments. ${args.length} were passed in.`, '$subtract');
  }
  const [a, b] = args as [unknown, unknown];
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (a instanceof Date) {
    if (b instanceof Date) return Long.fromNumber(a.getTime() - b.getTime());
    checkNumeric('$subtract', b);
    return new Date(a.getTime() - Math.round(toDouble(b)));
  }
  checkNumeric('$subtract', a);
  checkNumeric('$subtract', b);
  return aggregateArithmetic(a, aggregateArithmetic(b, -1, 'mul'), 'add');
};
