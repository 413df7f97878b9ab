import { UserError } from '../core/errors.js';
import type { SnippetError, SnippetPosition } from './api.js';

/**
 * The sandbox's typed errors, in three groups: errors a learner's snippet sees (thrown by the shell facade, so
 * their names and messages are part of what the learner reads), the syntax error of the rewriter, and errors the
 * host's caller sees (timeouts, crashes, a dead or disposed host, a failing host method).
 */

/** Base of the errors the shell facade throws into learner code; `name` is what the learner sees. */
export abstract class ShellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `db.runCommand()` was asked for a command outside the sandbox's allow-list. */
export class CommandNotAllowedError extends ShellError {
  constructor(
    readonly command: string,
    readonly allowed: readonly string[],
  ) {
    super(`runCommand('${command}') is not available in this sandbox; the allowed commands are ${allowed.join(', ')}`);
  }
}

/** `db.getSiblingDB()` named another database while the session is restricted to its own. */
export class DatabaseNotAllowedError extends ShellError {
  constructor(
    readonly requested: string,
    readonly allowed: string,
  ) {
    super(`this session may only use its own database "${allowed}", not "${requested}"`);
  }
}

/** The snippet does not parse (or declares a shell global); carries the learner's position. */
export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: SnippetPosition,
    readonly explanation?: string,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Base of the errors a host's caller receives; `code` is stable for scripts, `hint` says what to do. */
export abstract class SandboxError extends Error {
  abstract readonly code: string;
  abstract readonly hint: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A host call took too long: the host stopped answering (it was killed) or the call passed its deadline. */
export class SandboxTimeoutError extends SandboxError {
  readonly code = 'SANDBOX_TIMEOUT';
  readonly hint = 'the snippet or harness method never finished: look for a loop that never ends or a promise that never settles';

  constructor(
    readonly method: string,
    readonly snippetError: SnippetError,
  ) {
    super(`${method}: ${snippetError.message}`);
  }
}

/** The host exited or crashed while a call was pending (a snippet ending its process, running out of memory). */
export class SandboxCrashError extends SandboxError {
  readonly code = 'SANDBOX_CRASH';
  readonly hint = 'restart the host with host.restart(); the session and its bindings are gone';

  constructor(
    readonly method: string,
    readonly snippetError: SnippetError,
  ) {
    super(`${method}: ${snippetError.message}`);
  }
}

/** A call on a host that was killed or crashed before and has not been restarted. */
export class SandboxHostDeadError extends SandboxError {
  readonly code = 'SANDBOX_DEAD';
  readonly hint = 'call host.restart(), then open a session again';

  constructor(readonly method: string) {
    super(`${method}: the sandbox host was stopped after a timeout or crash`);
  }
}

/** A call on a host after dispose(). */
export class SandboxDisposedError extends SandboxError {
  readonly code = 'SANDBOX_DISPOSED';
  readonly hint = 'start a new host with startSandboxHost()';

  constructor(readonly method: string) {
    super(`${method}: the sandbox host was disposed`);
  }
}

/** A host method threw; name and message are the in-host error's, the stack stays in the host. */
export class SandboxMethodError extends SandboxError {
  readonly code = 'SANDBOX_METHOD_FAILED';
  readonly hint = 'the error comes from the method that ran in the host (a built-in or one registered with loadModule)';

  constructor(
    readonly method: string,
    readonly remoteName: string,
    remoteMessage: string,
  ) {
    super(`${method} failed in the sandbox host: ${remoteName}: ${remoteMessage}`);
  }
}

/** A host method was called that neither the host nor a loaded module provides. */
export class UnknownMethodError extends SandboxError {
  readonly code = 'SANDBOX_UNKNOWN_METHOD';
  readonly hint = 'load the module that exports it with host.loadModule(path) first';

  constructor(readonly method: string) {
    super(`no sandbox host method "${method}"`);
  }
}

/** A method that needs the session ran before `session.open`. */
export class SessionNotOpenError extends SandboxError {
  readonly code = 'SANDBOX_NO_SESSION';
  readonly hint = "call 'session.open' with {uri, dbName} first";

  constructor() {
    super('no sandbox session is open in this host');
  }
}

/** A module given to loadModule does not export a `methods` record of functions. */
export class InvalidHostModuleError extends SandboxError {
  readonly code = 'SANDBOX_INVALID_MODULE';
  readonly hint = 'export `methods: Record<string, (ctx, args) => Promise<unknown>>` from the module';

  constructor(readonly path: string) {
    super(`${path} does not export a "methods" record of functions`);
  }
}

/** The host process or worker could not start: an infrastructure failure, not the learner's (exit 3). */
export class SandboxStartError extends UserError {
  readonly code = 'SANDBOX_START';
  readonly hint = 'check that Node.js 20.19+ runs and that the package is installed completely (npm ci)';
  readonly exitCode = 3;

  constructor(
    readonly kind: string,
    readonly detail: string,
  ) {
    super(`the ${kind} sandbox host did not start: ${detail}`);
  }
}
