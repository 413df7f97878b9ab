import type { CommandSpec } from '../dispatch/command-context.js';
import { SERVER_VERSION } from './_internal.js';

/** serverStatus implements `serverStatus` with the sections tools read at connect time. */
export const serverStatus: CommandSpec = {
  name: 'serverStatus',
  help: 'server statistics',
  handler: ({ engine }) => ({
    host: engine.options.replSetName,
    version: SERVER_VERSION,
    process: 'resume-lab',
    pid: process.pid,
    uptime: Math.floor((Date.now() - engine.startedAt.getTime()) / 1000),
    uptimeMillis: Date.now() - engine.startedAt.getTime(),
    localTime: new Date(),
    storageEngine: { name: 'inMemory', supportsCommittedReads: true, persistent: false },
    metrics: { cursor: { open: { total: engine.cursors.size } } },
    oplog: { entries: engine.oplog.end - engine.oplog.start, capacity: engine.oplog.capacity },
    ok: 1,
  }),
};
