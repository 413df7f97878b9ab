import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { compileFilter } from '../query/filter.js';
import { projectDocuments } from '../query/projection.js';
import { sortDocuments } from '../query/sort.js';
import { DEFAULT_FIRST_BATCH, firstBatchReply, plainBatchSize } from './_internal.js';
import { bool, collectionName, int, optional } from './_params.js';
import { readCollection } from './_read.js';

/** find implements `find`: filter, sort, skip, limit (negative: single batch), projection, batchSize. */
export const find: CommandSpec = {
  name: 'find',
  help: 'query a collection',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const filter = optional<Document>(ctx, 'filter', 'object') ?? {};
    const sort = optional<Document>(ctx, 'sort', 'object');
    const projection = optional<Document>(ctx, 'projection', 'object');
    const skip = int(ctx, 'skip') ?? 0;
    const rawLimit = int(ctx, 'limit') ?? 0;
    if (skip < 0) throw new EngineError('BadValue', `Skip value must be non-negative, but received: ${skip}`, 'skip');
    if (bool(ctx, 'tailable')) throw notImplemented('find option tailable');
    const singleBatch = bool(ctx, 'singleBatch') || rawLimit < 0;
    const limit = Math.abs(rawLimit);
    const matches = compileFilter(filter);
    let docs = readCollection(ctx, name).filter(matches);
    if (sort && Object.keys(sort).length > 0) docs = sortDocuments(docs, sort);
    docs = docs.slice(skip, limit > 0 ? skip + limit : undefined);
    if (projection && Object.keys(projection).length > 0) docs = projectDocuments(docs, projection);
    const batchSize = plainBatchSize(ctx) ?? DEFAULT_FIRST_BATCH;
    if (singleBatch) docs = docs.slice(0, limit > 0 ? limit : batchSize);
    return firstBatchReply(ctx, `${ctx.db}.${name}`, docs, singleBatch ? docs.length || undefined : batchSize);
  },
};
