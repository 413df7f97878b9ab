import type { ReplSetOptions } from '../engine/index.js';
import { PortInUseError, TargetStartError } from '../core/errors.js';
import { messageOf } from './_internal.js';
import type { RunningTarget, Target } from './target.js';

/** Options of the embedded target: the engine's own, all optional. */
export type EmbeddedTargetOptions = Pick<ReplSetOptions, 'port' | 'oplogSize' | 'log'>;

/** The project's own in-memory replica set on 127.0.0.1; it needs nothing but a free port. */
export function embeddedTarget(options: EmbeddedTargetOptions = {}): Target {
  return {
    kind: 'embedded',
    start: async (): Promise<RunningTarget> => {
      // Loaded on start so that uri and memory-server runs never depend on the engine loading.
      const { startReplSet, SERVER_VERSION } = await import('../engine/index.js');
      try {
        const replSet = await startReplSet(options);
        // The version the engine reports in buildInfo: the MongoDB feature level it emulates.
        return { kind: 'embedded', uri: replSet.uri, serverVersion: SERVER_VERSION, stop: () => replSet.stop() };
      } catch (err) {
        throw toStartError(err, options.port ?? 0);
      }
    },
  };
}

function toStartError(err: unknown, port: number): TargetStartError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new PortInUseError(port, { cause: err });
  return new TargetStartError('embedded', messageOf(err), { cause: err });
}
