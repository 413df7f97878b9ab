import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { compileFilter } from '../query/filter.js';
import { bool, optional } from './_params.js';

/** listDatabases implements `listDatabases`; sizes are document counts, as nothing is on disk. */
export const listDatabases: CommandSpec = {
  name: 'listDatabases',
  help: 'list databases',
  handler: (ctx) => {
    const { catalog } = ctx.engine;
    const matches = compileFilter(optional<Document>(ctx, 'filter', 'object') ?? {});
    const databases = catalog.databaseNames().map((name) => {
      const sizeOnDisk = catalog.collections(name).reduce((sum, c) => sum + c.docs.size, 0);
      return { name, sizeOnDisk, empty: sizeOnDisk === 0 };
    }).filter(matches);
    if (bool(ctx, 'nameOnly')) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
    return { databases, totalSize: databases.reduce((sum, d) => sum + d.sizeOnDisk, 0), totalSizeMb: 0, ok: 1 };
  },
};
