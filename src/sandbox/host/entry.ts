// The program a sandbox host runs, as a worker thread or as a child process. It loads the driver and the
// session code, then answers the caller's messages until it is terminated (or, as a child, disconnected).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { HostBoot, HostMessage, ParentMessage } from './protocol.js';
import { HostRuntime } from './runtime.js';

/** Stack frames kept for host-realm errors (driver errors), so the learner's frame is among them. */
const STACK_TRACE_LIMIT = 50;

Error.stackTraceLimit = STACK_TRACE_LIMIT;

// A snippet that escapes the vm reaches this process object. Signals are the one part of it that acts beyond the
// host (`process.kill(process.ppid)` would stop the grader, and a worker's process.kill signals the app itself),
// so the host gives them up before any learner code runs.
for (const name of ['kill', '_kill']) {
  Object.defineProperty(process, name, {
    value: () => {
      throw new Error('signals are not available in the sandbox');
    },
    writable: false,
    configurable: false,
  });
}

const boot: HostBoot = isMainThread ? (JSON.parse(process.argv[2]!) as HostBoot) : (workerData as HostBoot);
const send = isMainThread ? (message: HostMessage) => process.send!(message) : (message: HostMessage) => parentPort!.postMessage(message);
const runtime = new HostRuntime(boot.limits, send);

// Learner code can leave a rejected promise or throw from a callback; either would end the host, so both become
// the learner's error instead.
process.on('uncaughtException', (error) => runtime.reportUncaught(error));
process.on('unhandledRejection', (error) => runtime.reportUncaught(error));

if (isMainThread) {
  process.on('message', (message: ParentMessage) => runtime.handle(message));
  // The caller is gone: nobody can read our answers, and nobody would stop us.
  process.on('disconnect', () => process.exit(0));
} else {
  parentPort!.on('message', (message: ParentMessage) => runtime.handle(message));
}
send({ type: 'ready' });
