import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_HEAP_MB } from '../api.js';
import { STDERR_TAIL_CHARS, exitDetail, type HostChannel } from './channel.js';
import type { HostCode } from './host-code.js';
import type { HostBoot, HostMessage } from './protocol.js';

/**
 * A host in a child process: the grader's isolation boundary. The child gets an empty environment (nothing from
 * the caller's process.env), a fresh temporary working directory, a heap limit, and Node's permission model:
 * it may read only the code it loads, and may not write files, start processes or workers, or load addons.
 * Network access is not restricted by Node 20's model (the driver needs it).
 */
export function processChannel(code: HostCode, boot: HostBoot, extraReadPaths: readonly string[]): HostChannel {
  const cwd = mkdtempSync(join(tmpdir(), 'resume-lab-host-'));
  const child = fork(code.entry, [JSON.stringify(boot)], {
    cwd,
    env: {},
    execArgv: [
      '--experimental-permission',
      // Node 20.20 takes one path per flag (a comma-separated list is rejected); a trailing separator grants a
      // directory's contents.
      ...[...code.readPaths, ...extraReadPaths].map((path) => `--allow-fs-read=${path}`),
      '--disable-warning=ExperimentalWarning',
      `--max-old-space-size=${boot.limits.maxHeapMb ?? DEFAULT_MAX_HEAP_MB}`,
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  let killed = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  // A send racing the child's exit fails asynchronously; the exit itself is what gets reported.
  child.on('error', () => undefined);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      rmSync(cwd, { recursive: true, force: true });
      resolve();
    }),
  );
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as HostMessage)),
    onExit: (listener) =>
      child.once('exit', (code, signal) => {
        if (!killed) listener(exitDetail(code, signal, stderrTail), stderrTail.trim());
      }),
    kill: async () => {
      killed = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
