import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError, notImplemented } from '../errors/engine-error.js';
import type { CollectionOptions } from '../storage/collection-options.js';
import { collectionName, GENERIC_ARGUMENTS, isDocument } from './_params.js';

/** collMod implements `collMod` for changeStreamPreAndPostImages (the option change streams need). */
export const collMod: CommandSpec = {
  name: 'collMod',
  help: 'change collection options',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const changes: CollectionOptions = {};
    for (const [field, value] of Object.entries(ctx.body)) {
      if (field === 'collMod' || GENERIC_ARGUMENTS.has(field)) continue;
      if (field !== 'changeStreamPreAndPostImages') throw notImplemented(`collMod option '${field}'`);
      if (!isDocument(value) || typeof value.enabled !== 'boolean') {
        throw new EngineError('TypeMismatch', `BSON field 'collMod.changeStreamPreAndPostImages.enabled' is missing or not a boolean`, field);
      }
      changes.changeStreamPreAndPostImages = { enabled: value.enabled };
    }
    const collection = ctx.engine.catalog.get(ctx.db, name);
    if (!collection) throw new EngineError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
    ctx.engine.catalog.modify(collection, changes);
    return { ok: 1 };
  },
};
