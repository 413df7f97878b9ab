import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { compileFilter } from '../query/filter.js';
import { collectionName, int, optional } from './_params.js';
import { readCollection } from './_read.js';

/** count implements `count` (query, skip, limit). */
export const count: CommandSpec = {
  name: 'count',
  help: 'count matching documents',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const query = optional<Document>(ctx, 'query', 'object') ?? {};
    const skip = Math.max(0, int(ctx, 'skip') ?? 0);
    const limit = Math.abs(int(ctx, 'limit') ?? 0);
    const matches = compileFilter(query);
    let n = Math.max(0, readCollection(ctx, name).filter(matches).length - skip);
    if (limit > 0) n = Math.min(n, limit);
    return { n, ok: 1 };
  },
};
