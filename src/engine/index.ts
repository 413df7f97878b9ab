export { startReplSet, DEFAULT_OPLOG_SIZE, type ReplSet, type ReplSetOptions } from './repl-set.js';
