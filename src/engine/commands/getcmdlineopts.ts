import type { CommandSpec } from '../dispatch/command-context.js';

/** getCmdLineOpts implements `getCmdLineOpts`. */
export const getCmdLineOpts: CommandSpec = {
  name: 'getCmdLineOpts',
  help: 'start-up options',
  handler: ({ engine }) => ({
    argv: ['resume-lab', 'db'],
    parsed: { replication: { replSet: engine.options.replSetName, oplogSizeEntries: engine.options.oplogSize } },
    ok: 1,
  }),
};
