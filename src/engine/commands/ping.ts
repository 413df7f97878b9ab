import type { CommandSpec } from '../dispatch/command-context.js';

/** ping implements `ping`. */
export const ping: CommandSpec = { name: 'ping', help: 'check that the server answers', handler: () => ({ ok: 1 }) };
