import type { Document } from 'bson';
import { keyStringOf } from '../changes/keystring.js';
import type { CommandSpec } from '../dispatch/command-context.js';
import { compileFilter } from '../query/filter.js';
import { sortDocuments } from '../query/sort.js';
import { collectionName, optional, required } from './_params.js';
import { readCollection } from './_read.js';

/** distinct implements `distinct`: values at `key` (array elements counted one by one), in BSON order. */
export const distinct: CommandSpec = {
  name: 'distinct',
  help: 'distinct values of a field',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const key = required<string>(ctx, 'key', 'string');
    const matches = compileFilter(optional<Document>(ctx, 'query', 'object') ?? {});
    const seen = new Map<string, unknown>();
    for (const doc of readCollection(ctx, name)) {
      if (!matches(doc)) continue;
      for (const value of valuesAt(doc, key.split('.'))) {
        const k = keyStringOf(value);
        if (!seen.has(k)) seen.set(k, value);
      }
    }
    const sorted = sortDocuments([...seen.values()].map((v) => ({ v })), { v: 1 }).map((d) => d.v);
    return { values: sorted, ok: 1 };
  },
};

// Walks a dotted path, fanning out through arrays as MongoDB's distinct does.
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Document)[path[0]!], path.slice(1));
}
