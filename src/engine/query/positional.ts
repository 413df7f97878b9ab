/**
 * The positional `$` (update paths such as "grades.$" and find projections such as "grades.$"): the index of the
 * first array element that satisfied the query's conditions on that array, which mongod records while matching.
 */
import { isDocument } from './bson-types.js';
import { compileFilter, type DocumentFilter } from './filter.js';

/** The conditions of a filter on one array path, compiled once per (filter, path) pair. */
const CACHE = new WeakMap<object, Map<string, DocumentFilter | null>>();

/** Top-level and `$and` clauses whose path is the array path or lies under it. */
function clausesOn(filter: Record<string, unknown>, arrayPath: string, out: Record<string, unknown>[]): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) if (isDocument(clause)) clausesOn(clause, arrayPath, out);
    } else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) {
      out.push({ [key]: cond });
    }
  }
}

function matcherFor(filter: object, arrayPath: string): DocumentFilter | null {
  let byPath = CACHE.get(filter);
  if (!byPath) CACHE.set(filter, (byPath = new Map()));
  let matcher = byPath.get(arrayPath);
  if (matcher === undefined) {
    const clauses: Record<string, unknown>[] = [];
    clausesOn(filter as Record<string, unknown>, arrayPath, clauses);
    matcher = clauses.length === 0 ? null : compileFilter({ $and: clauses });
    byPath.set(arrayPath, matcher);
  }
  return matcher;
}

/** `{a: {b: value}}` for the path "a.b": the smallest document on which to test one element. */
function nest(parts: readonly string[], value: unknown): object {
  let out: unknown = value;
  for (let i = parts.length - 1; i >= 0; i--) out = { [parts[i] as string]: out };
  return out as object;
}

/**
 * The index of the first element of `array` (found at `arrayPath` in a document matched by `filter`) that
 * satisfies the filter's conditions on that path, or undefined when the filter has none or nothing matches.
 */
export function matchedArrayIndex(array: readonly unknown[], arrayPath: string, filter: object): number | undefined {
  const matcher = matcherFor(filter, arrayPath);
  if (!matcher) return undefined;
  const parts = arrayPath.split('.');
  const index = array.findIndex((el) => matcher(nest(parts, [el])));
  return index === -1 ? undefined : index;
}
