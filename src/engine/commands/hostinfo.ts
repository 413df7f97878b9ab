import os from 'node:os';
import type { CommandSpec } from '../dispatch/command-context.js';

/** hostInfo implements `hostInfo`. */
export const hostInfo: CommandSpec = {
  name: 'hostInfo',
  help: 'describe the host machine',
  handler: () => ({
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      memSizeMB: Math.round(os.totalmem() / 1024 / 1024),
      numCores: os.cpus().length,
      cpuArch: os.arch(),
    },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    extra: {},
    ok: 1,
  }),
};
