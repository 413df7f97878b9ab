// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when the first value is less than or equal to the second in BSON order. */
export const $lte: ExpressionOp = (obj, expr, options) => compareArguments('$lte', obj, expr, options) <= 0;
