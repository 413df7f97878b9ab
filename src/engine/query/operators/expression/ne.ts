// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when the values differ in BSON order. */
export const $ne: ExpressionOp = (obj, expr, options) => compareArguments('$ne', obj, expr, options) !== 0;
