import type { CommandSpec } from '../dispatch/command-context.js';
import { MAX_BSON_OBJECT_SIZE } from '../wire/constants.js';
import { SERVER_VERSION } from './_internal.js';

/** buildInfo implements `buildInfo`: the version drivers and test runners gate features on. */
export const buildInfo: CommandSpec = {
  name: 'buildInfo',
  help: 'server version and build details',
  handler: () => ({
    version: SERVER_VERSION,
    gitVersion: 'resume-lab-embedded',
    versionArray: [...SERVER_VERSION.split('.').map(Number), 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['inMemory'],
    javascriptEngine: 'none',
    modules: [],
    openssl: { running: 'disabled' },
    buildEnvironment: { distmod: 'resume-lab', target_os: process.platform },
    ok: 1,
  }),
};

/** The lowercase alias. */
export const buildinfo: CommandSpec = { ...buildInfo, name: 'buildinfo', help: '' };
