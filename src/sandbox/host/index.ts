import { DEFAULT_LIMITS, type SandboxLimits } from '../api.js';
import { hostCode } from './host-code.js';
import { processChannel } from './process-channel.js';
import { HostConnection, type SandboxHost, type SandboxHostKind } from './sandbox-host.js';
import { workerChannel } from './worker-channel.js';

export type { CallOptions, SandboxHost, SandboxHostEvents, SandboxHostKind, SandboxHostState } from './sandbox-host.js';
export type { HostMethod, HostMethodContext, HostModule, OpenSessionArgs } from './runtime.js';
export { BUILTIN_METHODS } from './protocol.js';

/** How startSandboxHost() starts a host. */
export interface SandboxHostOptions {
  kind: SandboxHostKind;
  limits?: SandboxLimits;
  /**
   * More paths a process host may read, for modules given to loadModule from outside the package (a lesson
   * folder passed with --lessons-dir). Ignored by worker hosts, which are not restricted.
   */
  readPaths?: string[];
}

/**
 * Starts a sandbox host and resolves once it is ready for calls: a worker thread for the interactive app, a child
 * process (empty environment, temporary cwd, Node's permission model) for grading untrusted code.
 */
export async function startSandboxHost(options: SandboxHostOptions): Promise<SandboxHost> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const code = await hostCode();
  const boot = { limits };
  const host = new HostConnection(options.kind, limits, async () =>
    options.kind === 'worker' ? workerChannel(code, boot) : processChannel(code, boot, options.readPaths ?? []),
  );
  await host.start();
  return host;
}
