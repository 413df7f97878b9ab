// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import { comparisonPredicate, pathPredicate, type QueryOp } from './_internal.js';

/** Matches values equal to the argument in BSON order; null also matches a missing field. */
export const $eq: QueryOp = (selector, value) => pathPredicate(selector, comparisonPredicate('$eq', value));
