import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { equalsBson } from '../query/compare.js';
import { collectionName, isDocument } from './_params.js';

/** dropIndexes implements `dropIndexes` by name, names, key pattern or `"*"`; `_id_` cannot be dropped. */
export const dropIndexes: CommandSpec = {
  name: 'dropIndexes',
  help: 'drop indexes',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const collection = ctx.engine.catalog.get(ctx.db, name);
    if (!collection) throw new EngineError('NamespaceNotFound', `ns not found ${ctx.db}.${name}`);
    const nIndexesWas = collection.indexes.size;
    const which = ctx.body.index;
    let names: string[];
    if (which === '*') names = [...collection.indexes.keys()].filter((n) => n !== '_id_');
    else if (typeof which === 'string') names = [which];
    else if (Array.isArray(which)) names = which.map(String);
    else if (isDocument(which)) {
      const match = [...collection.indexes.values()].find((index) => equalsBson(index.spec.key, which));
      if (!match) throw new EngineError('IndexNotFound', `can't find index with key: ${JSON.stringify(which)}`);
      names = [match.name];
    } else throw new EngineError('TypeMismatch', `BSON field 'dropIndexes.index' is the wrong type`, 'index');
    if (names.includes('_id_')) throw new EngineError('InvalidOptions', 'cannot drop _id index');
    for (const indexName of names) ctx.engine.catalog.dropIndex(collection, indexName);
    return { nIndexesWas, ok: 1 };
  },
};
