import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { compileFilter } from '../query/filter.js';
import { cursorBatchSize, firstBatchReply } from './_internal.js';
import { bool, optional } from './_params.js';

/** listCollections implements `listCollections` (filter, nameOnly). */
export const listCollections: CommandSpec = {
  name: 'listCollections',
  help: 'list collections and views',
  handler: (ctx) => {
    const filter = optional<Document>(ctx, 'filter', 'object') ?? {};
    const nameOnly = bool(ctx, 'nameOnly');
    const infos = ctx.engine.catalog.collections(ctx.db).map((collection): Document => {
      const type = collection.isView ? 'view' : 'collection';
      if (nameOnly) return { name: collection.name, type };
      const { viewOn, pipeline, ...rest } = collection.options;
      const options = collection.isView ? { viewOn, pipeline } : rest;
      return {
        name: collection.name,
        type,
        options,
        info: collection.isView ? { readOnly: true } : { readOnly: false, uuid: collection.uuid },
        ...(collection.isView ? {} : { idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } }),
      };
    });
    const matches = compileFilter(filter);
    return firstBatchReply(ctx, `${ctx.db}.$cmd.listCollections`, infos.filter(matches), cursorBatchSize(ctx));
  },
};
