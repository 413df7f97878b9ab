// https://www.mongodb.com/docs/manual/reference/operator/aggregation/max/
import { type AccumulatorOp, extreme } from './_internal.js';

/** The greatest value in BSON order, ignoring null and missing. */
export const $max: AccumulatorOp = (collection, expr, options) => extreme(collection, expr, options, 1);
