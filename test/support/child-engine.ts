import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** An engine running in a child process (so a crash shows up as a dead process, not a failed test runner). */
export interface ChildEngine {
  uri: string;
  port: number;
  process: ChildProcess;
  /** Everything the engine logged to stderr so far. */
  log: string[];
  /** Emits 'line' for each log line as it arrives (wait on it with `until`). */
  logLines: EventEmitter;
  stop(): Promise<number | null>;
}

const FIXTURE = fileURLToPath(new URL('../fixtures/engine-process.ts', import.meta.url));

/** Starts test/fixtures/engine-process.ts and resolves with its URI (read from its first stdout line). */
export function startChildEngine(options: { oplogSize?: number } = {}): Promise<ChildEngine> {
  const env = { ...process.env, ...(options.oplogSize ? { ENGINE_OPLOG_SIZE: String(options.oplogSize) } : {}) };
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const log: string[] = [];
  const logLines = createInterface({ input: child.stderr! });
  logLines.on('line', (line) => log.push(line));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`engine process exited early with ${code}: ${log.join('\n')}`)));
    createInterface({ input: child.stdout! }).once('line', (uri) => {
      const port = Number(new URL(uri).port);
      resolve({
        uri,
        port,
        process: child,
        log,
        logLines,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
