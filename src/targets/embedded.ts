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
      const { startReplSet } = await import('../engine/index.js');
      // The engine also logs a failed listen that it rejects with; hold its lines until the start succeeds, so a
      // failure is reported once, by the typed error (which keeps the engine's error as its cause).
      const held: string[] = [];
      let log: (line: string) => void = (line) => held.push(line);
      try {
        const replSet = await startReplSet({ ...options, log: (line) => log(line) });
        log = options.log ?? (() => {});
        held.forEach(log);
        return { kind: 'embedded', uri: replSet.uri, stop: () => replSet.stop() };
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
