import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { notImplemented } from '../errors/engine-error.js';
import type { CollectionOptions } from '../storage/collection-options.js';
import { collectionName, GENERIC_ARGUMENTS, optional } from './_params.js';

/** Options of `create` the engine stores; the rest are rejected by name (238) rather than silently ignored. */
const SUPPORTED = new Set(['create', 'viewOn', 'pipeline', 'changeStreamPreAndPostImages', 'capped', 'size', 'max', 'validator', 'validationLevel', 'validationAction', 'idIndex', 'storageEngine', 'autoIndexId']);

/** create implements `create` for collections and views. */
export const create: CommandSpec = {
  name: 'create',
  help: 'create a collection or view',
  handler: (ctx) => {
    const name = collectionName(ctx);
    for (const field of Object.keys(ctx.body)) {
      if (!SUPPORTED.has(field) && !GENERIC_ARGUMENTS.has(field)) throw notImplemented(`create option '${field}'`);
    }
    const options: CollectionOptions = {};
    const viewOn = optional<string>(ctx, 'viewOn', 'string');
    if (viewOn !== undefined) {
      options.viewOn = viewOn;
      options.pipeline = optional<Document[]>(ctx, 'pipeline', 'array') ?? [];
    }
    const images = optional<Document>(ctx, 'changeStreamPreAndPostImages', 'object');
    if (images) options.changeStreamPreAndPostImages = { enabled: images.enabled === true };
    if (ctx.body.capped === true) Object.assign(options, { capped: true, size: ctx.body.size, max: ctx.body.max });
    ctx.engine.catalog.create(ctx.db, name, options);
    return { ok: 1 };
  },
};
