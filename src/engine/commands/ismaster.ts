import type { CommandSpec } from '../dispatch/command-context.js';
import { helloReply } from './hello.js';

/** isMaster implements the legacy `isMaster` hello (the driver's first message on every socket). */
export const isMaster: CommandSpec = {
  name: 'isMaster',
  help: 'legacy hello',
  handler: (ctx) => helloReply(ctx, true),
};

/** The lowercase spelling the driver actually sends; hidden from listCommands by its empty help. */
export const ismaster: CommandSpec = { ...isMaster, name: 'ismaster', help: '' };
