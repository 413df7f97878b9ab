import type { CommandSpec } from '../dispatch/command-context.js';

/** dropDatabase implements `dropDatabase`: a drop per collection, then the dropDatabase entry. */
export const dropDatabase: CommandSpec = {
  name: 'dropDatabase',
  help: 'drop the current database',
  handler: (ctx) => {
    const existed = ctx.engine.catalog.collections(ctx.db).length > 0;
    ctx.engine.catalog.dropDatabase(ctx.db);
    return existed ? { dropped: ctx.db, ok: 1 } : { ok: 1 };
  },
};
