import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxHost } from '../sandbox/host/index.js';
import type { TargetOptions } from '../targets/resolve-target.js';
import type { RunningTarget } from '../targets/target.js';

/**
 * What a LearnSession starts in the background: the database target and the sandbox host (a worker thread, so
 * snippets never run on the UI's thread) with the app's host module loaded. Both are imported only when started, so
 * the app's first frame does not wait for the driver or the engine to load.
 */
export interface LearnInfrastructure {
  startTarget(): Promise<RunningTarget>;
  /** A ready host with the module of learn-host-module.ts loaded. */
  startHost(): Promise<SandboxHost>;
}

/** The app's host module, `.ts` from the sources and `.js` from the built package, like this file. */
export const LEARN_HOST_MODULE = fileURLToPath(new URL(`./learn-host-module${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** The real thing: the target the options choose, and a worker host. */
export function defaultInfrastructure(targetOptions: TargetOptions): LearnInfrastructure {
  return {
    async startTarget() {
      const { startTarget } = await import('../targets/resolve-target.js');
      return startTarget(targetOptions);
    },
    async startHost() {
      const { startSandboxHost } = await import('../sandbox/host/index.js');
      const host = await startSandboxHost({ kind: 'worker' });
      try {
        await host.loadModule(LEARN_HOST_MODULE);
      } catch (err) {
        await host.dispose();
        throw err;
      }
      return host;
    },
  };
}
