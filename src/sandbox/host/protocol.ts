import type { OutputLine, SandboxLimits } from '../api.js';

/**
 * Messages between a sandbox host (worker thread or child process) and its caller. Everything is
 * structured-clonable: workers post messages, and child processes use IPC with `serialization: 'advanced'`.
 */

/** What a host starts with. */
export interface HostBoot {
  limits: SandboxLimits;
}

/** Caller to host. */
export type ParentMessage =
  | { type: 'call'; id: number; method: string; args: unknown }
  /** Answered at once with 'pong' unless the host's thread is blocked: that is how a stuck host is noticed. */
  | { type: 'ping' };

/** An error thrown by a host method, without its stack (it would show our code, not the learner's). */
export interface RemoteError {
  name: string;
  message: string;
  /** The SandboxError code, when the host threw one (UNKNOWN_METHOD, NO_SESSION...). */
  code?: string;
}

/** Host to caller. */
export type HostMessage =
  | { type: 'ready' }
  | { type: 'pong' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: RemoteError }
  /** A line of learner output, as it is printed (evaluations, listeners, timers). */
  | { type: 'output'; line: OutputLine };

/** Host methods that the host itself provides; modules loaded with loadModule add more. */
export const BUILTIN_METHODS = {
  open: 'session.open',
  evaluate: 'session.evaluate',
  drainOutput: 'session.drainOutput',
  close: 'session.close',
  loadModule: 'host.loadModule',
} as const;
