// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when the first value is greater than the second in BSON order. */
export const $gt: ExpressionOp = (obj, expr, options) => compareArguments('$gt', obj, expr, options) > 0;
