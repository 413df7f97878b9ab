import type { CommandSpec } from '../dispatch/command-context.js';

/** whatsmyuri implements `whatsmyuri` (mongosh asks at start-up). */
export const whatsmyuri: CommandSpec = {
  name: 'whatsmyuri',
  help: 'the client address as the server sees it',
  handler: ({ connection }) => ({ you: connection.hostPort, ok: 1 }),
};
