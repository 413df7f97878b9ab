import { BSON, type Document } from 'bson';

// Documents are immutable once stored, so a size learned once (from the wire, where it is free)
// stays true for as long as the object lives.
const SIZES = new WeakMap<object, number>();

/** Remembers the BSON size of a document just read off the wire. */
export function rememberBsonSize(doc: Document, bytes: number): void {
  SIZES.set(doc, bytes);
}

/** The BSON size of a stored document: known from the wire for inserted documents, else computed once. */
export function bsonSizeOf(doc: Document): number {
  let size = SIZES.get(doc);
  if (size === undefined) {
    size = BSON.calculateObjectSize(doc);
    SIZES.set(doc, size);
  }
  return size;
}

/** Carries a known size over to a copy with the same fields in another order. */
export function sameBsonSize(original: Document, reordered: Document): void {
  const size = SIZES.get(original);
  if (size !== undefined) SIZES.set(reordered, size);
}
