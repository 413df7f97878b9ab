import type { CommandSpec } from '../dispatch/command-context.js';
import { collectionName } from './_params.js';

/** drop implements `drop`; as in mongod 7+, dropping a missing collection succeeds. */
export const drop: CommandSpec = {
  name: 'drop',
  help: 'drop a collection',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const collection = ctx.engine.catalog.get(ctx.db, name);
    const nIndexesWas = collection?.indexes.size;
    ctx.engine.catalog.drop(ctx.db, name);
    return collection ? { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 } : { ok: 1 };
  },
};
