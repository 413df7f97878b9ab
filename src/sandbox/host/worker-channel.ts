import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_HEAP_MB } from '../api.js';
import { STDERR_TAIL_CHARS, exitDetail, type HostChannel } from './channel.js';
import type { HostCode } from './host-code.js';
import type { HostBoot, HostMessage } from './protocol.js';

/**
 * A host in a worker thread: fast to start and to call, for the interactive app. It shares the caller's
 * process, so it is not an isolation boundary (docs/sandbox.md); it gets an empty environment and a heap limit.
 */
export function workerChannel(code: HostCode, boot: HostBoot): HostChannel {
  const worker = new Worker(code.entry, {
    workerData: boot,
    env: {},
    execArgv: [],
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: boot.limits.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
  });
  let stderrTail = '';
  let killed = false;
  let lastError = '';
  worker.stdout.resume();
  worker.stderr.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  worker.on('error', (error: Error & { code?: string }) => {
    lastError = `${error.code ?? ''} ${error.message}`;
  });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (message: HostMessage) => listener(message)),
    onExit: (listener) =>
      worker.once('exit', (code) => {
        if (!killed) listener(exitDetail(code, null, `${stderrTail}\n${lastError}`), `${stderrTail}\n${lastError}`.trim());
      }),
    kill: async () => {
      killed = true;
      await worker.terminate();
    },
  };
}
