// https://www.mongodb.com/docs/manual/reference/operator/aggregation/min/
import { type AccumulatorOp, extreme } from './_internal.js';

/** The least value in BSON order, ignoring null and missing. */
export const $min: AccumulatorOp = (collection, expr, options) => extreme(collection, expr, options, -1);
