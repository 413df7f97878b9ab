import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { bool, required } from './_params.js';

function splitNamespace(ns: string, field: string): { db: string; coll: string } {
  const dot = ns.indexOf('.');
  if (dot <= 0 || dot === ns.length - 1) throw new EngineError('InvalidNamespace', `Invalid ${field} namespace: ${ns}`, field);
  return { db: ns.slice(0, dot), coll: ns.slice(dot + 1) };
}

/** renameCollection implements the admin command `renameCollection` (with dropTarget). */
export const renameCollection: CommandSpec = {
  name: 'renameCollection',
  help: 'rename a collection',
  handler: (ctx) => {
    if (ctx.db !== 'admin') throw new EngineError('Unauthorized', 'renameCollection may only be run against the admin database.');
    const from = splitNamespace(required<string>(ctx, 'renameCollection', 'string'), 'source');
    const to = splitNamespace(required<string>(ctx, 'to', 'string'), 'target');
    ctx.engine.catalog.rename(from, to, bool(ctx, 'dropTarget'));
    return { ok: 1 };
  },
};
