// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when the first value is less than the second in BSON order. */
export const $lt: ExpressionOp = (obj, expr, options) => compareArguments('$lt', obj, expr, options) < 0;
