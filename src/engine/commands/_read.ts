import type { Document } from 'bson';
import type { CommandContext } from '../dispatch/command-context.js';
import { runPipeline } from '../query/aggregate.js';
import type { Collection } from '../storage/collection.js';

/**
 * The documents a read of `name` sees: a collection's documents in insertion order, or a view's
 * pipeline run over its source (views of views included).
 */
export function readCollection(ctx: CommandContext, name: string, depth = 0): Document[] {
  const collection = ctx.engine.catalog.get(ctx.db, name);
  if (!collection) return [];
  if (collection.options.viewOn === undefined || depth > 20) return [...collection.docs.values()];
  const source = readCollection(ctx, collection.options.viewOn, depth + 1);
  return runPipeline(source, collection.options.pipeline ?? [], { resolveCollection: (other) => resolveCollection(ctx, other) });
}

/** For $lookup, $unionWith and $graphLookup: another collection of the same database. */
export function resolveCollection(ctx: CommandContext, name: string): Document[] {
  return readCollection(ctx, name);
}

/**
 * The documents a filter can match: the one stored document when the filter is `{_id: <value>}`
 * (the common "by id" case, found in O(1)), else every document, as a snapshot safe to write under.
 */
export function candidates(collection: Collection, filter: Document): Document[] {
  const keys = Object.keys(filter);
  const id = filter._id;
  if (keys.length === 1 && keys[0] === '_id' && !isOperatorObject(id)) {
    const doc = collection.findById(id);
    return doc ? [doc] : [];
  }
  return [...collection.docs.values()];
}

function isOperatorObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || '_bsontype' in value || value instanceof Date || value instanceof RegExp) return false;
  return Object.keys(value).some((k) => k.startsWith('$'));
}
