import { ObjectId, type Document } from 'bson';
import { EngineError } from '../errors/engine-error.js';
import { applyUpdate, buildUpsertDocument } from '../query/update.js';
import { equalsBson } from '../query/compare.js';
import type { Collection } from '../storage/collection.js';

/** The outcome of updating one stored document. */
export interface UpdatedDocument {
  before: Document;
  after: Document;
  modified: boolean;
}

/**
 * Applies `update` to `doc` and stores the result (no write, so no event, when nothing changed).
 * The `_id` may not change: 66 ImmutableField, as mongod.
 */
export function updateStored(collection: Collection, doc: Document, update: Document | Document[], arrayFilters: Document[] | undefined): UpdatedDocument {
  const result = applyUpdate(doc, update, { arrayFilters });
  if (!result.changed) return { before: doc, after: doc, modified: false };
  const updated = result.doc as Document;
  const after = updated._id === undefined ? { _id: doc._id, ...updated } : updated;
  if (!equalsBson(after._id, doc._id)) {
    throw new EngineError('ImmutableField', `Performing an update on the path '_id' would modify the immutable field '_id'`);
  }
  const description = result.description ? { ...result.description, disambiguatedPaths: result.disambiguatedPaths } : null;
  collection.replace(doc, after, description);
  return { before: doc, after, modified: true };
}

/** Inserts the document an upsert builds when nothing matched; `_id` is generated if the filter gave none. */
export function upsert(collection: Collection, filter: Document, update: Document | Document[], arrayFilters: Document[] | undefined): Document {
  const built = buildUpsertDocument(filter, update, arrayFilters) as Document;
  const doc = built._id === undefined ? { _id: new ObjectId(), ...built } : built;
  return collection.insert(doc);
}
