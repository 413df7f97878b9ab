// https://www.mongodb.com/docs/manual/reference/operator/query/elemMatch/
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { pathPredicate, type QueryOp, type ValuePredicate } from './_internal.js';

/** Operators that make an `$elemMatch` argument a query on embedded documents rather than on the elements. */
const DOCUMENT_OPERATORS = new Set(['$and', '$or', '$nor', '$expr', '$where', '$jsonSchema', '$text']);

/** The field name an element is wrapped in when the criteria apply to the element value itself. */
const ELEMENT = 'elem';

/**
 * The test `$elemMatch` applies to each element. Criteria made only of operators (`{$gt: 1}`) apply to the
 * element value; anything else is a query on the element, which must then be an embedded document, so
 * `{a: {$elemMatch: {b: {$gt: 1}}}}` does not match `a: [1, 2]` (mingo matches it).
 */
export function elementMatcher(criteria: unknown, options: Options): ValuePredicate {
  if (!isDocument(criteria)) throw new EngineError('BadValue', '$elemMatch needs an Object', '$elemMatch');
  const keys = Object.keys(criteria);
  const onValue = keys.length > 0 && keys.every((k) => k.startsWith('$') && !DOCUMENT_OPERATORS.has(k));
  if (onValue) {
    const query = new Query({ [ELEMENT]: criteria }, options);
    return (el) => query.test({ [ELEMENT]: el });
  }
  const query = new Query(criteria, options);
  return (el) => isDocument(el) && query.test(el);
}

/** Matches arrays with at least one element satisfying all the criteria. */
export const $elemMatch: QueryOp = (selector, value, options) => {
  const test = elementMatcher(value, options);
  return pathPredicate(selector, (v) => Array.isArray(v) && v.some(test), 'whole');
};
