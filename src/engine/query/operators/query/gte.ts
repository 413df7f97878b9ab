// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import { comparisonPredicate, pathPredicate, type QueryOp } from './_internal.js';

/** Matches values of the same type bracket greater than or equal to the argument. */
export const $gte: QueryOp = (selector, value) => pathPredicate(selector, comparisonPredicate('$gte', value));
