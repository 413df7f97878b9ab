import { pathToFileURL } from 'node:url';
import type { SandboxLimits } from '../api.js';
import { InvalidHostModuleError, SandboxError, SessionNotOpenError, UnknownMethodError } from '../errors.js';
import { SandboxSession } from '../session.js';
import { BUILTIN_METHODS, type HostMessage, type ParentMessage } from './protocol.js';

/** What a host method receives besides its arguments. */
export interface HostMethodContext {
  /** The open session; reading it before 'session.open' throws SessionNotOpenError. */
  readonly session: SandboxSession;
  readonly limits: SandboxLimits;
}

/** A method that runs in the host, next to the learner's objects; its result must be structured-clonable. */
export type HostMethod = (context: HostMethodContext, args: never) => Promise<unknown>;

/** What a module given to `host.loadModule()` exports. */
export interface HostModule {
  methods: Record<string, HostMethod>;
}

/** Arguments of 'session.open'. */
export interface OpenSessionArgs {
  uri: string;
  dbName: string;
  restrictToDb?: boolean;
  explanations?: Record<string, string>;
}

/**
 * The host side of the protocol: answers pings, runs methods, forwards learner output. It owns at most one
 * session at a time; opening another closes the previous one.
 */
export class HostRuntime {
  #session: SandboxSession | undefined;
  readonly #methods = new Map<string, HostMethod>();

  constructor(
    private readonly limits: SandboxLimits,
    private readonly send: (message: HostMessage) => void,
  ) {
    this.#methods.set(BUILTIN_METHODS.open, (_context, args: OpenSessionArgs) => this.#open(args));
    this.#methods.set(BUILTIN_METHODS.evaluate, async (context, args: { code: string }) => context.session.evaluate(args.code));
    this.#methods.set(BUILTIN_METHODS.drainOutput, async (context) => context.session.drainOutput());
    this.#methods.set(BUILTIN_METHODS.close, async () => this.#close());
    this.#methods.set(BUILTIN_METHODS.loadModule, (_context, args: { path: string }) => this.#load(args.path));
  }

  /** Handles one message from the caller. */
  handle(message: ParentMessage): void {
    if (message.type === 'ping') {
      this.send({ type: 'pong' });
      return;
    }
    void this.#call(message.id, message.method, message.args);
  }

  /**
   * An error that escaped learner code (an unhandled rejection, an exception in a callback the registry does not
   * guard): it goes to the learner's next result rather than ending the host.
   */
  reportUncaught(error: unknown): void {
    this.#session?.reportError(error, 'an asynchronous callback');
  }

  async #call(id: number, method: string, args: unknown): Promise<void> {
    try {
      const fn = this.#methods.get(method);
      if (!fn) throw new UnknownMethodError(method);
      const runtime = this;
      const context: HostMethodContext = {
        get session() {
          if (!runtime.#session) throw new SessionNotOpenError();
          return runtime.#session;
        },
        limits: this.limits,
      };
      const value = await fn(context, args as never);
      this.send({ type: 'result', id, ok: true, value });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      this.send({ type: 'result', id, ok: false, error: { name, message, ...(error instanceof SandboxError ? { code: error.code } : {}) } });
    }
  }

  async #open(args: OpenSessionArgs): Promise<void> {
    await this.#close();
    const session = new SandboxSession({ ...args, limits: this.limits });
    session.onOutput((line) => this.send({ type: 'output', line }));
    this.#session = session;
  }

  async #close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    await session?.close();
  }

  /** Imports a module and registers its methods; returns their names. */
  async #load(path: string): Promise<string[]> {
    const module = (await import(pathToFileURL(path).href)) as Partial<HostModule>;
    const methods = module.methods;
    if (!methods || typeof methods !== 'object' || !Object.values(methods).every((m) => typeof m === 'function')) {
      throw new InvalidHostModuleError(path);
    }
    for (const [name, method] of Object.entries(methods)) this.#methods.set(name, method);
    return Object.keys(methods);
  }
}
