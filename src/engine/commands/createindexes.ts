import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { equalsBson } from '../query/compare.js';
import type { IndexSpec } from '../storage/indexes.js';
import { collectionName, isDocument, required } from './_params.js';
import { writableCollection } from './_write.js';

/** The name mongod gives an index from its key pattern: `a_1_b_-1`. */
export function defaultIndexName(key: Document): string {
  return Object.entries(key).map(([field, dir]) => `${field}_${String(dir)}`).join('_');
}

/** createIndexes implements `createIndexes`; unique indexes are enforced (11000). */
export const createIndexes: CommandSpec = {
  name: 'createIndexes',
  help: 'build indexes',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const requested = required<Document[]>(ctx, 'indexes', 'array');
    const createdCollectionAutomatically = !ctx.engine.catalog.get(ctx.db, name);
    const collection = writableCollection(ctx, name);
    const before = collection.indexes.size;
    const toCreate: IndexSpec[] = [];
    for (const raw of requested) {
      if (!isDocument(raw) || !isDocument(raw.key) || Object.keys(raw.key).length === 0) {
        throw new EngineError('CannotCreateIndex', 'index specification must have a non-empty key document', 'key');
      }
      const spec = { v: 2, ...raw, name: typeof raw.name === 'string' ? raw.name : defaultIndexName(raw.key) } as IndexSpec;
      const sameName = collection.indexes.get(spec.name);
      if (sameName) {
        if (!equalsBson(sameName.spec.key, spec.key)) {
          throw new EngineError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
        }
        continue;
      }
      const sameKey = [...collection.indexes.values()].find((index) => equalsBson(index.spec.key, spec.key));
      if (sameKey) {
        throw new EngineError('IndexOptionsConflict', `Index already exists with a different name: ${sameKey.name}`);
      }
      toCreate.push({ v: 2, key: spec.key, name: spec.name, ...optionsOf(spec) });
    }
    ctx.engine.catalog.createIndexes(collection, toCreate);
    const reply: Document = { numIndexesBefore: before, numIndexesAfter: collection.indexes.size, createdCollectionAutomatically, ok: 1 };
    if (toCreate.length === 0) reply.note = 'all indexes already exist';
    return reply;
  },
};

function optionsOf(spec: Document): Document {
  const { v: _v, key: _key, name: _name, ...options } = spec;
  return options;
}
