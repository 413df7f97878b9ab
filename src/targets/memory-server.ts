import { MongodBinaryNotFoundError, TargetStartError } from '../core/errors.js';
import { messageOf } from './_internal.js';
import { findMongodBinary, type CacheLookup } from './mongod-binary.js';
import { probeServer } from './probe.js';
import type { RunningTarget, Target } from './target.js';

/** Options of the memory-server target. */
export interface MemoryServerTargetOptions {
  /** The MONGOMS_SYSTEM_BINARY value, if set. */
  readonly systemBinary?: string;
  /** Bounds the readiness probe once mongod is up. */
  readonly connectTimeoutMs: number;
  /** Replaces the look into mongodb-memory-server's cache (tests). */
  readonly lookInCache?: CacheLookup;
}

/**
 * A real mongod run by mongodb-memory-server as a one-node replica set. The binary is located before anything
 * else and handed over by path, so mongodb-memory-server never falls back to a download.
 */
export function memoryServerTarget(options: MemoryServerTargetOptions): Target {
  return {
    kind: 'memory-server',
    start: async (): Promise<RunningTarget> => {
      const binary = await findMongodBinary(options.systemBinary, options.lookInCache);
      if (binary === undefined) throw new MongodBinaryNotFoundError(options.systemBinary);
      // Loaded only here: it is a large package and the embedded path never needs it.
      const { MongoMemoryReplSet } = await import('mongodb-memory-server');
      let replSet: InstanceType<typeof MongoMemoryReplSet>;
      try {
        replSet = await MongoMemoryReplSet.create({
          binary: { systemBinary: binary.path },
          // enableTestCommands lets the conformance suite set fail points, as it does on the embedded engine.
          replSet: { count: 1, storageEngine: 'wiredTiger', args: ['--setParameter', 'enableTestCommands=1'] },
        });
      } catch (err) {
        throw new TargetStartError('memory-server', `mongod at ${binary.path}: ${messageOf(err)}`, { cause: err });
      }
      const stop = () => replSet.stop({ doCleanup: true, force: false }).then(() => undefined);
      const uri = replSet.getUri();
      try {
        const server = await probeServer(uri, options.connectTimeoutMs);
        return { kind: 'memory-server', uri, serverVersion: server.version, stop };
      } catch (err) {
        await stop();
        throw new TargetStartError('memory-server', `mongod started but did not answer: ${messageOf(err)}`, {
          cause: err,
        });
      }
    },
  };
}
