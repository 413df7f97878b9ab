// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import { inPredicate, pathPredicate, type QueryOp } from './_internal.js';

/** Matches values equal to any member of the array (regex members match strings). */
export const $in: QueryOp = (selector, value) => pathPredicate(selector, inPredicate(value));
