import { resolveConfig } from '../core/config.js';
import { MissingUriError } from '../core/errors.js';
import { embeddedTarget, type EmbeddedTargetOptions } from './embedded.js';
import { memoryServerTarget } from './memory-server.js';
import { findMongodBinary, type CacheLookup } from './mongod-binary.js';
import type { RunningTarget, Target, TargetKind } from './target.js';
import { uriTarget } from './uri.js';

/** How to choose and start a target. Options left out come from the environment (see docs/configuration.md). */
export interface TargetOptions {
  /** Default: RESUME_LAB_TARGET, else `auto`. */
  readonly target?: TargetKind;
  /** Default: RESUME_LAB_URI. */
  readonly uri?: string;
  /** Server selection timeout when probing a uri or memory-server target. Default: RESUME_LAB_CONNECT_TIMEOUT_MS, else 5000. */
  readonly connectTimeoutMs?: number;
  /** Default: MONGOMS_SYSTEM_BINARY. */
  readonly mongodSystemBinary?: string;
  /** Passed to the engine when the embedded target is chosen. */
  readonly embedded?: EmbeddedTargetOptions;
  /** Replaces the look into mongodb-memory-server's cache (tests). */
  readonly lookInCache?: CacheLookup;
}

/**
 * Chooses the target without starting it. `auto` takes the URI when one is given, else memory-server when a mongod
 * binary is already on this machine, else embedded; it never tries a download to find out.
 */
export async function resolveTarget(options: TargetOptions = {}): Promise<Target> {
  const kind = options.target ?? resolveConfig('target');
  const uri = options.uri ?? resolveConfig('uri');
  const connectTimeoutMs = options.connectTimeoutMs ?? resolveConfig('connectTimeoutMs');
  const systemBinary = options.mongodSystemBinary ?? resolveConfig('mongodSystemBinary');
  const memoryServer = () => memoryServerTarget({ systemBinary, connectTimeoutMs, lookInCache: options.lookInCache });
  switch (kind) {
    case 'embedded':
      return embeddedTarget(options.embedded);
    case 'memory-server':
      return memoryServer();
    case 'uri':
      if (uri === undefined) throw new MissingUriError();
      return uriTarget({ uri, connectTimeoutMs });
    case 'auto':
      if (uri !== undefined) return uriTarget({ uri, connectTimeoutMs });
      if ((await findMongodBinary(systemBinary, options.lookInCache)) !== undefined) return memoryServer();
      return embeddedTarget(options.embedded);
  }
}

/** Chooses a target as resolveTarget does and starts it. */
export async function startTarget(options: TargetOptions = {}): Promise<RunningTarget> {
  return (await resolveTarget(options)).start();
}
