import type { CommandSpec } from '../dispatch/command-context.js';

/** endSessions implements `endSessions`: sessions hold no server state here, so there is nothing to end. */
export const endSessions: CommandSpec = { name: 'endSessions', help: 'end logical sessions', handler: () => ({ ok: 1 }) };
