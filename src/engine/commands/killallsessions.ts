import type { CommandSpec } from '../dispatch/command-context.js';

/** killAllSessions implements `killAllSessions` (test runners send it between tests). */
export const killAllSessions: CommandSpec = { name: 'killAllSessions', help: 'kill all logical sessions', handler: () => ({ ok: 1 }) };
