import type { CommandSpec } from '../dispatch/command-context.js';

/** getLog implements `getLog` with empty logs (mongosh reads startupWarnings). */
export const getLog: CommandSpec = {
  name: 'getLog',
  help: 'recent server log lines',
  handler: ({ body }) => (body.getLog === '*' ? { names: ['global', 'startupWarnings'], ok: 1 } : { totalLinesWritten: 0, log: [], ok: 1 }),
};
