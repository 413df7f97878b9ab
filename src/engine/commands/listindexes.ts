import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { cursorBatchSize, firstBatchReply } from './_internal.js';
import { collectionName } from './_params.js';

/** listIndexes implements `listIndexes`. */
export const listIndexes: CommandSpec = {
  name: 'listIndexes',
  help: 'list a collection\'s indexes',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const collection = ctx.engine.catalog.get(ctx.db, name);
    if (!collection) throw new EngineError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
    const specs = [...collection.indexes.values()].map((index) => index.spec);
    return firstBatchReply(ctx, `${ctx.db}.${name}`, specs, cursorBatchSize(ctx));
  },
};
