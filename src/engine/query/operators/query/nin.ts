// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import type { QueryOp } from './_internal.js';
import { $in } from './in.js';

/** Matches documents where no value on the path is in the array (the negation of `$in`). */
export const $nin: QueryOp = (selector, value, options) => {
  const inList = $in(selector, value, options);
  return (doc) => !inList(doc);
};
