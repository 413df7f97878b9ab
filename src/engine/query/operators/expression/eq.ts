// https://www.mongodb.com/docs/manual/reference/operator/aggregation/#comparison-expression-operators
import { compareArguments, type ExpressionOp } from './_internal.js';

/** True when both values are equal in BSON order. */
export const $eq: ExpressionOp = (obj, expr, options) => compareArguments('$eq', obj, expr, options) === 0;
