import type { Document } from 'bson';

/** The value at a dotted path, without descending into arrays (index keys, documentKey, dup-key messages). */
export function getPath(doc: Document, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Document)[part];
  }
  return value;
}
