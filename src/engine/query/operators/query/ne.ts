// https://www.mongodb.com/docs/manual/reference/operator/query-comparison/
import type { QueryOp } from './_internal.js';
import { $eq } from './eq.js';

/** Matches documents where no value on the path equals the argument (the negation of `$eq`). */
export const $ne: QueryOp = (selector, value, options) => {
  const eq = $eq(selector, value, options);
  return (doc) => !eq(doc);
};
