import { Long } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { required } from './_params.js';

/** killCursors implements `killCursors`; unknown ids are reported, not errors. A waiting getMore is released. */
export const killCursors: CommandSpec = {
  name: 'killCursors',
  help: 'close cursors',
  handler: (ctx) => {
    const ids = required<unknown[]>(ctx, 'cursors', 'array');
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const id = raw instanceof Long ? raw : Long.fromNumber(Number(raw));
      (ctx.engine.cursors.kill(id.toBigInt()) ? killed : notFound).push(id);
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  },
};
