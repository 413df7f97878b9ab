// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import { comparisonPredicate, pathPredicate, type QueryOp } from './_internal.js';

/** Matches values of the same type bracket greater than the argument. */
export const $gt: QueryOp = (selector, value) => pathPredicate(selector, comparisonPredicate('$gt', value));
