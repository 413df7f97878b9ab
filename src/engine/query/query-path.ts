/**
 * How a query path such as "a.b.0.c" reaches values inside a document, following mongod's
 * BSONElementIterator (src/mongo/db/matcher/path.cpp) rather than mingo's `resolve`:
 * - a document yields its field, or "missing" (JS undefined) when the field is absent or the value is a scalar;
 * - an array met before the end of the path is traversed: each embedded document yields its field, a numeric
 *   component also selects that element, and scalars or nested arrays yield nothing;
 * - an array at the end of the path yields each element and then the array itself (`expand`), or only the
 *   array (`whole`, used by `$elemMatch` and `$exists`).
 */
import { isDocument } from './bson-types.js';

/** Whether an array at the end of a path yields its elements too (`expand`) or only itself (`whole`). */
export type LeafArrays = 'expand' | 'whole';

const hasOwn = Object.prototype.hasOwnProperty;

function isIndexComponent(part: string): boolean {
  if (part.length === 0) return false;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function walk(
  value: unknown,
  parts: readonly string[],
  i: number,
  visit: (v: unknown) => boolean,
  leaf: LeafArrays,
): boolean {
  if (i === parts.length) {
    if (leaf === 'expand' && Array.isArray(value)) {
      for (const el of value) if (visit(el)) return true;
    }
    return visit(value);
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    const index = isIndexComponent(part) ? Number(part) : -1;
    for (let j = 0; j < value.length; j++) {
      const el: unknown = value[j];
      const positional = j === index;
      if (isDocument(el) && (!positional || hasOwn.call(el, part))) {
        if (walk(hasOwn.call(el, part) ? el[part] : undefined, parts, i + 1, visit, leaf)) return true;
      }
      if (positional && (i + 1 === parts.length || Array.isArray(el) || isDocument(el))) {
        if (walk(el, parts, i + 1, visit, leaf)) return true;
      }
    }
    return false;
  }
  if (isDocument(value)) {
    return walk(hasOwn.call(value, part) ? value[part] : undefined, parts, i + 1, visit, leaf);
  }
  return visit(undefined);
}

/**
 * True when `visit` returns true for at least one value that the dotted path (pre-split into `parts`) yields
 * in `doc`. A path that reaches nothing but a missing field yields `undefined` once; a path through an array
 * with no embedded documents yields nothing at all (so `{"a.b": null}` does not match `{a: [1, 2]}`).
 */
export function someValueAtPath(
  doc: unknown,
  parts: readonly string[],
  visit: (v: unknown) => boolean,
  leaf: LeafArrays = 'expand',
): boolean {
  return walk(doc, parts, 0, visit, leaf);
}
