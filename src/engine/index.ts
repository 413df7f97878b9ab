export { startReplSet, DEFAULT_OPLOG_SIZE, type ReplSet, type ReplSetOptions } from './repl-set.js';
export { SERVER_VERSION } from './commands/_internal.js';
