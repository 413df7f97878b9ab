// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** Returns -1, 0 or 1 as the first value is less than, equal to or greater than the second in BSON order. */
export const $cmp: ExpressionOp = (obj, expr, options) => Math.sign(compareArguments('$cmp', obj, expr, options));
