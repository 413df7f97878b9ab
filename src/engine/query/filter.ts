/**
 * Query filters (find, update and delete `q`, `$match`, change stream filters) compiled once into a predicate.
 */
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { isQueryOperator, mingoOptions } from './context.js';
import { translateMingoError, withMingoErrors } from './mingo-errors.js';
import { normalizeFilter } from './normalize-filter.js';

/** A compiled filter: true when the document matches. */
export type DocumentFilter = (doc: object) => boolean;

const MATCH_ALL: DocumentFilter = () => true;

let options: Options | undefined;

/** Created on first use: this module and context.ts import each other (via the `$project` stage). */
function queryOptions(): Options {
  options ??= mingoOptions();
  return options;
}

/**
 * Compiles a filter with MongoDB semantics (BSON comparison order and type bracketing, Long/Decimal128 by
 * value, `$type` by BSON type, null matching missing, array traversal). Validation happens here, once: an
 * unknown operator throws EngineError BadValue "unknown operator: $foo"; `$text`, geo operators and
 * `$jsonSchema` throw NotImplemented. The returned predicate does no per-call setup.
 */
export function compileFilter(filter: object): DocumentFilter {
  const normalized = normalizeFilter(filter, isQueryOperator);
  if (Object.keys(normalized).length === 0) return MATCH_ALL;
  const query = withMingoErrors(() => new Query(normalized, queryOptions()));
  return (doc) => {
    try {
      return query.test(doc as AnyObject);
    } catch (err) {
      throw translateMingoError(err);
    }
  };
}
