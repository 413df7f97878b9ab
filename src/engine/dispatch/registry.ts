import type { CommandSpec } from './command-context.js';
import { aggregate } from '../commands/aggregate.js';
import { buildInfo, buildinfo } from '../commands/buildinfo.js';
import { collMod } from '../commands/collmod.js';
import { configureFailPoint } from '../commands/configurefailpoint.js';
import { connectionStatus } from '../commands/connectionstatus.js';
import { count } from '../commands/count.js';
import { create } from '../commands/create.js';
import { createIndexes } from '../commands/createindexes.js';
import { deleteCommand } from '../commands/delete.js';
import { distinct } from '../commands/distinct.js';
import { drop } from '../commands/drop.js';
import { dropDatabase } from '../commands/dropdatabase.js';
import { dropIndexes } from '../commands/dropindexes.js';
import { endSessions } from '../commands/endsessions.js';
import { find } from '../commands/find.js';
import { findAndModify } from '../commands/findandmodify.js';
import { getCmdLineOpts } from '../commands/getcmdlineopts.js';
import { getLog } from '../commands/getlog.js';
import { getMore } from '../commands/getmore.js';
import { getParameter } from '../commands/getparameter.js';
import { hello } from '../commands/hello.js';
import { hostInfo } from '../commands/hostinfo.js';
import { insert } from '../commands/insert.js';
import { isMaster, ismaster } from '../commands/ismaster.js';
import { killAllSessions } from '../commands/killallsessions.js';
import { killCursors } from '../commands/killcursors.js';
import { listCollections } from '../commands/listcollections.js';
import { listDatabases } from '../commands/listdatabases.js';
import { listIndexes } from '../commands/listindexes.js';
import { ping } from '../commands/ping.js';
import { renameCollection } from '../commands/renamecollection.js';
import { replSetGetStatus } from '../commands/replsetgetstatus.js';
import { serverStatus } from '../commands/serverstatus.js';
import { update } from '../commands/update.js';
import { whatsmyuri } from '../commands/whatsmyuri.js';

/** Known commands that the engine answers with NotImplemented (238) rather than CommandNotFound (59). */
const UNIMPLEMENTED: CommandSpec[] = [
  'abortTransaction', 'bulkWrite', 'collStats', 'commitTransaction', 'compact', 'createUser', 'dbStats', 'explain',
  'mapReduce', 'validate',
].map((name) => ({ name, help: 'not implemented by the embedded engine' }));

/**
 * Every command the engine knows, sorted by name (case-insensitive; a test keeps it sorted and
 * checks that every file under commands/ is registered). Aliases share a handler and have no help.
 */
export const COMMANDS: readonly CommandSpec[] = [
  aggregate,
  buildInfo,
  buildinfo,
  collMod,
  configureFailPoint,
  connectionStatus,
  count,
  create,
  createIndexes,
  deleteCommand,
  distinct,
  drop,
  dropDatabase,
  dropIndexes,
  endSessions,
  find,
  findAndModify,
  getCmdLineOpts,
  getLog,
  getMore,
  getParameter,
  hello,
  hostInfo,
  insert,
  isMaster,
  ismaster,
  killAllSessions,
  killCursors,
  listCollections,
  listDatabases,
  listIndexes,
  ping,
  renameCollection,
  replSetGetStatus,
  serverStatus,
  update,
  whatsmyuri,
  // please keep sorted alphabetically
];

const BY_NAME = new Map<string, CommandSpec>([...UNIMPLEMENTED, ...COMMANDS].map((spec) => [spec.name, spec]));

/** The spec for a command name as the client spelled it. */
export function findCommand(name: string): CommandSpec | undefined {
  return BY_NAME.get(name);
}
