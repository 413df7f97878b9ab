// https://www.mongodb.com/docs/manual/reference/operator/query-element/
import { isTruthy, pathPredicate, type QueryOp } from './_internal.js';

/** Matches documents that have (or, with a false argument, lack) a value on the path; null counts as present. */
export const $exists: QueryOp = (selector, value) => {
  const want = isTruthy(value);
  const present = pathPredicate(selector, (v) => v !== undefined, 'whole');
  return (doc) => present(doc) === want;
};
