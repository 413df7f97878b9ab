// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when the first value is greater than or equal to the second in BSON order. */
export const $gte: ExpressionOp = (obj, expr, options) => compareArguments('$gte', obj, expr, options) >= 0;
