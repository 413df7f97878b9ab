// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import { comparisonPredicate, pathPredicate, type QueryOp } from './_internal.js';

/** Matches values of the same type bracket less than the argument. */
export const $lt: QueryOp = (selector, value) => pathPredicate(selector, comparisonPredicate('$lt', value));
