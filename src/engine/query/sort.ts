/**
 * Sorting documents as mongod does (find's `sort`, the `$sort` stage, `$push`'s `$sort`): BSON order per key,
 * dotted paths through arrays, and arrays sorting by their smallest element ascending or largest descending.
 */
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { Bracket, bracketOf, compareBson } from './compare.js';
import { compareNumeric } from './numeric.js';

/** One parsed sort key: the path split at dots and 1 (ascending) or -1 (descending). */
interface SortKey {
  parts: string[];
  direction: 1 | -1;
}

/** The sort key that means storage (insertion) order. */
const NATURAL = '$natural';

/** The key of an empty array: mongod sorts it like BSON undefined, below null and missing. */
const EMPTY_ARRAY = Symbol('empty array');

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Parses a sort specification (`{a: 1, "b.c": -1}`). Directions are 1 or -1 of any numeric type;
 * `{$meta: …}` is NotImplemented (there is no text or search score here).
 */
export function parseSortSpec(spec: unknown): SortKey[] {
  if (!isDocument(spec)) throw new EngineError('BadValue', 'sort specification must be an object', 'sort');
  return Object.keys(spec).map((path) => {
    const dir = spec[path];
    if (isDocument(dir) && '$meta' in dir) throw notImplemented('$meta sort');
    if (bracketOf(dir) !== Bracket.Number || (compareNumeric(dir, 1) !== 0 && compareNumeric(dir, -1) !== 0)) {
      throw new EngineError(
        'Location15975',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
        'sort',
      );
    }
    return { parts: path.split('.'), direction: compareNumeric(dir, 0) > 0 ? 1 : -1 };
  });
}

/** Sort keys compare in BSON order, with the empty-array key between MinKey and null. */
function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) {
    if (a === b) return 0;
    const other = a === EMPTY_ARRAY ? b : a;
    const emptyFirst = bracketOf(other) === Bracket.MinKey ? 1 : -1;
    return a === EMPTY_ARRAY ? emptyFirst : -emptyFirst;
  }
  return compareBson(a, b);
}

/**
 * Every key a path yields (mongod's sort-key generation): a leaf array contributes its elements (an empty one
 * the EMPTY_ARRAY key), arrays along the path are traversed, and anything that lacks the path contributes null.
 */
function collectKeys(value: unknown, parts: readonly string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (!Array.isArray(value)) out.push(value === undefined ? null : value);
    else if (value.length === 0) out.push(EMPTY_ARRAY);
    else for (const el of value) out.push(el);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(null);
    const index = /^\d+$/.test(part) ? Number(part) : -1;
    for (let j = 0; j < value.length; j++) {
      const el: unknown = value[j];
      if (j === index) collectKeys(el, parts, i + 1, out);
      else if (isDocument(el)) collectKeys(hasOwn.call(el, part) ? el[part] : undefined, parts, i + 1, out);
      else out.push(null);
    }
    return;
  }
  if (isDocument(value)) collectKeys(hasOwn.call(value, part) ? value[part] : undefined, parts, i + 1, out);
  else out.push(null);
}

/** The key one document sorts by for one sort field: the smallest candidate ascending, the largest descending. */
function sortKeyOf(doc: unknown, key: SortKey): unknown {
  const candidates: unknown[] = [];
  collectKeys(doc, key.parts, 0, candidates);
  let best = candidates[0];
  for (let i = 1; i < candidates.length; i++) {
    if (compareKeys(candidates[i], best) * key.direction < 0) best = candidates[i];
  }
  return best;
}

/**
 * A stable sort of `docs` (a new array; the input is untouched) by a sort specification. An empty
 * specification keeps the input order, which callers pass in insertion order (so `{$natural: -1}` reverses it).
 */
export function sortDocuments<T>(docs: readonly T[], spec: unknown): T[] {
  const keys = parseSortSpec(spec);
  if (keys.length === 0) return docs.slice();
  // {$natural: ±1} is insertion order, which is the order the documents come in.
  if (keys.length === 1 && keys[0].parts.join('.') === NATURAL) {
    return keys[0].direction === 1 ? docs.slice() : docs.slice().reverse();
  }
  const rows = docs.map((doc, index) => ({ doc, index, values: keys.map((k) => sortKeyOf(doc, k)) }));
  rows.sort((x, y) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareKeys(x.values[k], y.values[k]);
      if (c !== 0) return c * (keys[k] as SortKey).direction;
    }
    return x.index - y.index;
  });
  return rows.map((r) => r.doc);
}

/** Sorts plain values (the `$push: {$sort: 1}` form) in BSON order; a new array, stable. */
export function sortValues<T>(values: readonly T[], direction: 1 | -1): T[] {
  return values
    .map((v, index) => ({ v, index }))
    .sort((x, y) => compareBson(x.v, y.v) * direction || x.index - y.index)
    .map((r) => r.v);
}
