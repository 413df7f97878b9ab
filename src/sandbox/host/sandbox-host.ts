import { EventEmitter } from 'node:events';
import type { EvalResult, OutputLine, SandboxLimits, SnippetError } from '../api.js';
import {
  SandboxCrashError,
  SandboxDisposedError,
  SandboxHostDeadError,
  SandboxMethodError,
  SandboxStartError,
  SandboxTimeoutError,
  UnknownMethodError,
  SessionNotOpenError,
} from '../errors.js';
import { asyncDeadlineError, syncTimeoutError } from '../timeouts.js';
import type { HostChannel } from './channel.js';
import { moduleForHost } from './host-code.js';
import { BUILTIN_METHODS, type HostMessage, type RemoteError } from './protocol.js';

/** Which kind of host: a worker thread (interactive app) or a child process (grader). */
export type SandboxHostKind = 'worker' | 'process';

/** 'ready' accepts calls; 'dead' was killed or crashed and needs restart(); 'disposed' is final. */
export type SandboxHostState = 'ready' | 'dead' | 'disposed';

/** Options of one call. */
export interface CallOptions {
  /**
   * How long the call may take in all before it is answered with a timeout (the host stays up if it still
   * answers pings). Default: the limits' syncTimeoutMs + asyncDeadlineMs + CALL_GRACE_MS.
   */
  deadlineMs?: number;
}

/** Events of a SandboxHost. */
export interface SandboxHostEvents {
  /** A line of learner output as soon as it is printed, including output of listeners between evaluations. */
  output: [OutputLine];
  /** The host ended: killed after a timeout, or crashed. Calls fail with SandboxHostDeadError until restart(). */
  dead: [SnippetError];
}

/** A sandbox host as its caller sees it; the same interface for both kinds. */
export interface SandboxHost extends EventEmitter<SandboxHostEvents> {
  readonly kind: SandboxHostKind;
  readonly state: SandboxHostState;
  readonly limits: SandboxLimits;
  /**
   * Runs a host method (built-in or from a loaded module) and resolves with its result. 'session.evaluate'
   * always resolves with an EvalResult, timeouts and crashes included; other methods reject with
   * SandboxTimeoutError, SandboxCrashError, SandboxMethodError, SandboxHostDeadError or SandboxDisposedError.
   */
  call<T>(method: string, args?: unknown, options?: CallOptions): Promise<T>;
  /** 'session.evaluate' for one snippet. */
  evaluate(code: string): Promise<EvalResult>;
  /**
   * Makes the host import a module that exports `methods` (see HostModule); it is imported again after a
   * restart. Resolves with the method names.
   */
  loadModule(absolutePath: string): Promise<string[]>;
  /** Replaces a dead (or live) host by a fresh one and reloads the modules; the session must be opened again. */
  restart(): Promise<void>;
  /** Closes the session if it can, then stops the host for good. */
  dispose(): Promise<void>;
}

/** How often a busy host is pinged. */
const HEARTBEAT_MS = 100;

/**
 * How much longer than syncTimeoutMs a host may stay silent before it counts as stuck. The vm's own timeout
 * (at syncTimeoutMs) answers first when the loop is in the snippet's synchronous part; this catches loops in
 * callbacks and leaves room for a slow machine.
 */
const UNRESPONSIVE_GRACE_MS = 1_000;

/** Added to syncTimeoutMs + asyncDeadlineMs for a call's default deadline: the host's own deadline answers first. */
const CALL_GRACE_MS = 2_000;

/** How long a host may take to start (bundling from sources and loading the driver included). */
const STARTUP_TIMEOUT_MS = 30_000;

/** How long dispose() waits for the session to close before stopping the host anyway. */
const DISPOSE_CLOSE_MS = 2_000;

/** A call waiting for its answer. */
interface PendingCall {
  method: string;
  started: number;
  /** Learner output forwarded while it ran; a killed evaluation still reports what it printed. */
  output: OutputLine[];
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Starts a host channel of the right kind; called again by restart(). */
export type ChannelStarter = () => Promise<HostChannel>;

/** The caller's side of a sandbox host: calls, heartbeat, deadlines, kill and restart. */
export class HostConnection extends EventEmitter<SandboxHostEvents> implements SandboxHost {
  #channel: HostChannel | undefined;
  #state: SandboxHostState = 'dead';
  readonly #pending = new Map<number, PendingCall>();
  readonly #modules: string[] = [];
  #nextId = 1;
  #lastHeard = 0;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(
    readonly kind: SandboxHostKind,
    readonly limits: SandboxLimits,
    private readonly startChannel: ChannelStarter,
  ) {
    super();
  }

  get state(): SandboxHostState {
    return this.#state;
  }

  /** Starts the host and waits until it is ready. */
  async start(): Promise<void> {
    const channel = await this.startChannel();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        void channel.kill();
        reject(new SandboxStartError(this.kind, `no answer after ${STARTUP_TIMEOUT_MS} ms`));
      }, STARTUP_TIMEOUT_MS);
      channel.onExit((detail, stderrTail) => {
        clearTimeout(timer);
        if (this.#channel === channel) this.#died(crashError(detail));
        else reject(new SandboxStartError(this.kind, stderrTail ? `${detail}:\n${stderrTail}` : detail));
      });
      channel.onMessage((message) => {
        if (message.type === 'ready' && this.#channel !== channel) {
          clearTimeout(timer);
          this.#channel = channel;
          this.#state = 'ready';
          resolve();
        } else if (this.#channel === channel) this.#receive(message);
      });
    });
  }

  call<T>(method: string, args?: unknown, options: CallOptions = {}): Promise<T> {
    if (this.#state === 'disposed') return Promise.reject(new SandboxDisposedError(method));
    if (this.#state === 'dead' || !this.#channel) return Promise.reject(new SandboxHostDeadError(method));
    const id = this.#nextId++;
    const deadlineMs = options.deadlineMs ?? this.limits.syncTimeoutMs + this.limits.asyncDeadlineMs + CALL_GRACE_MS;
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.size === 0) this.#lastHeard = Date.now();
      this.#pending.set(id, {
        method,
        started: performance.now(),
        output: [],
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => this.#settle(id, asyncDeadlineError(deadlineMs), 'timeout'), deadlineMs),
      });
      this.#channel!.send({ type: 'call', id, method, args });
      this.#startHeartbeat();
    });
  }

  evaluate(code: string): Promise<EvalResult> {
    return this.call<EvalResult>(BUILTIN_METHODS.evaluate, { code });
  }

  async loadModule(absolutePath: string): Promise<string[]> {
    const names = await this.call<string[]>(BUILTIN_METHODS.loadModule, { path: await moduleForHost(absolutePath) });
    this.#modules.push(absolutePath);
    return names;
  }

  async restart(): Promise<void> {
    if (this.#state === 'disposed') throw new SandboxDisposedError('restart');
    if (this.#channel) await this.#kill(crashError('it was restarted'));
    await this.start();
    for (const path of this.#modules) await this.call(BUILTIN_METHODS.loadModule, { path: await moduleForHost(path) });
  }

  async dispose(): Promise<void> {
    if (this.#state === 'disposed') return;
    if (this.#state === 'ready') {
      await this.call(BUILTIN_METHODS.close, undefined, { deadlineMs: DISPOSE_CLOSE_MS }).catch(() => undefined);
    }
    const channel = this.#channel;
    this.#channel = undefined;
    this.#state = 'disposed';
    this.#failAll((method) => new SandboxDisposedError(method));
    this.#stopHeartbeat();
    await channel?.kill();
  }

  #receive(message: HostMessage): void {
    this.#lastHeard = Date.now();
    switch (message.type) {
      case 'output':
        for (const pending of this.#pending.values()) if (pending.method === BUILTIN_METHODS.evaluate) pending.output.push(message.line);
        this.emit('output', message.line);
        return;
      case 'result': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#forget(message.id, pending);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(remoteError(pending.method, message.error));
        return;
      }
      default:
        return;
    }
  }

  /** Answers a pending call with a timeout or crash: an EvalResult for evaluations, a rejection otherwise. */
  #settle(id: number, error: SnippetError, as: 'timeout' | 'crash'): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#forget(id, pending);
    if (pending.method === BUILTIN_METHODS.evaluate) {
      const result: EvalResult = { ok: false, output: pending.output, outputTruncated: false, error, durationMs: performance.now() - pending.started };
      pending.resolve(result);
    } else pending.reject(as === 'timeout' ? new SandboxTimeoutError(pending.method, error) : new SandboxCrashError(pending.method, error));
  }

  #forget(id: number, pending: PendingCall): void {
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#stopHeartbeat();
  }

  #startHeartbeat(): void {
    this.#heartbeat ??= setInterval(() => {
      if (Date.now() - this.#lastHeard > this.limits.syncTimeoutMs + UNRESPONSIVE_GRACE_MS) {
        void this.#kill(syncTimeoutError(this.limits.syncTimeoutMs), 'timeout');
      } else this.#channel?.send({ type: 'ping' });
    }, HEARTBEAT_MS);
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  /** Stops a stuck host: its pending calls get `error`, and the host is dead until restart(). */
  async #kill(error: SnippetError, as: 'timeout' | 'crash' = 'crash'): Promise<void> {
    const channel = this.#channel;
    this.#channel = undefined;
    if (this.#state === 'ready') this.#state = 'dead';
    for (const id of [...this.#pending.keys()]) this.#settle(id, error, as);
    this.#stopHeartbeat();
    this.emit('dead', error);
    await channel?.kill();
  }

  /** The host ended by itself while it was ours. */
  #died(error: SnippetError): void {
    this.#channel = undefined;
    this.#state = 'dead';
    for (const id of [...this.#pending.keys()]) this.#settle(id, error, 'crash');
    this.#stopHeartbeat();
    this.emit('dead', error);
  }

  #failAll(makeError: (method: string) => Error): void {
    for (const [id, pending] of [...this.#pending]) {
      this.#forget(id, pending);
      pending.reject(makeError(pending.method));
    }
  }
}

/** The crash SnippetError for a host that ended. */
function crashError(detail: string): SnippetError {
  return {
    kind: 'crash',
    name: 'SandboxCrash',
    message: `the sandbox stopped while running your code: ${detail}`,
    explanation: 'a snippet cannot end or replace its process; if it ran out of memory, look for an array or string that grows without end',
  };
}

/** The caller-side error for a method that threw in the host. */
function remoteError(method: string, error: RemoteError): Error {
  if (error.code === 'SANDBOX_UNKNOWN_METHOD') return new UnknownMethodError(method);
  if (error.code === 'SANDBOX_NO_SESSION') return new SessionNotOpenError();
  return new SandboxMethodError(method, error.name, error.message);
}
