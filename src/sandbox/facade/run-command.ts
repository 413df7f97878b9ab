import type { Db, Document } from 'mongodb';
import { CommandNotAllowedError } from '../errors.js';

/**
 * Commands `db.runCommand()` may send: read-only questions about the server, the database and its collections.
 * Everything else (dropDatabase, configureFailPoint, killAllSessions, shutdown...) either has a facade method
 * that stays in the learner's database or could disturb the target that other learners or checks share.
 */
export const ALLOWED_COMMANDS = [
  'buildInfo',
  'collStats',
  'count',
  'dbStats',
  'distinct',
  'hello',
  'isMaster',
  'listCollections',
  'listIndexes',
  'ping',
  'replSetGetStatus',
  'serverStatus',
] as const;

/** Runs an allowed command against `db`; `'ping'` is short for `{ ping: 1 }`, as in mongosh. */
export function runAllowedCommand(db: Db, command: string | Document): Promise<Document> {
  const document: Document = typeof command === 'string' ? { [command]: 1 } : command;
  const name = Object.keys(document)[0] ?? '';
  // Server command names are matched case-insensitively for the legacy spellings (ismaster, buildinfo).
  if (!ALLOWED_COMMANDS.some((allowed) => allowed.toLowerCase() === name.toLowerCase())) {
    throw new CommandNotAllowedError(name, ALLOWED_COMMANDS);
  }
  return db.command(document);
}
