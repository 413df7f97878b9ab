import vm from 'node:vm';
import { bsonHelpers } from './bson-helpers.js';
import { formatArgs, formatValue } from './format.js';
import { guardedCall, type CallbackErrorSink } from './guarded-call.js';
import type { OutputCapture } from './output.js';

/** What the shell globals are built from. */
export interface ShellContextDeps {
  /** The shell's `db` (a ShellDatabase). */
  db: object;
  output: OutputCapture;
  /** Receives errors of timer callbacks, which run outside any evaluation. */
  reportError: CallbackErrorSink;
}

/** A learner's vm context and what the session needs to manage it. */
export interface ShellContext {
  readonly context: vm.Context;
  /** The global object: learner bindings are its enumerable own properties. */
  readonly globals: Record<string, unknown>;
  /** Names of the shell's own globals, which a snippet may not redeclare. */
  readonly reserved: ReadonlySet<string>;
  /** Clears the learner's pending timers. */
  clearTimers(): void;
}

/** Stack frames kept in learner errors: enough to reach the snippet's frame under a listener or a driver call. */
const STACK_TRACE_LIMIT = 50;

/**
 * A fresh vm context holding only the shell globals: no `require`, `process`, `import` or Node globals. They
 * are non-enumerable and read-only, so `bindings()` lists only what the learner declared and a stray
 * `print = 1` cannot break the shell. The context is not a security boundary: its objects come from the host's
 * realm, so `this.constructor.constructor('return process')()` reaches the host. The host process is the boundary.
 */
export function createShellContext(deps: ShellContextDeps): ShellContext {
  const { output, reportError } = deps;
  const timers = new Set<NodeJS.Timeout>();
  const write = (stream: 'out' | 'err') => (...args: unknown[]) => output.write(stream, formatArgs(args));
  const timer = (kind: 'setTimeout' | 'setInterval') => (fn: (...args: never[]) => unknown, ms?: number, ...args: unknown[]) => {
    if (typeof fn !== 'function') throw new TypeError(`${kind} needs a function as its first argument`);
    const handle: NodeJS.Timeout = (kind === 'setTimeout' ? setTimeout : setInterval)(() => {
      if (kind === 'setTimeout') timers.delete(handle);
      guardedCall(fn, undefined, args, `a ${kind} callback`, reportError);
    }, ms);
    timers.add(handle);
    return handle;
  };
  const clear = (handle: NodeJS.Timeout | undefined) => {
    if (handle === undefined || !timers.has(handle)) return;
    clearTimeout(handle);
    timers.delete(handle);
  };

  const shellGlobals: Record<string, unknown> = {
    db: deps.db,
    print: write('out'),
    printjson: (...values: unknown[]) => output.write('out', values.map(formatValue).join(' ')),
    console: { log: write('out'), info: write('out'), debug: write('out'), warn: write('err'), error: write('err') },
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    setTimeout: timer('setTimeout'),
    setInterval: timer('setInterval'),
    clearTimeout: clear,
    clearInterval: clear,
    ...bsonHelpers(),
  };
  const globals: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(shellGlobals)) {
    Object.defineProperty(globals, name, { value, enumerable: false, writable: false, configurable: false });
  }
  const context = vm.createContext(globals, { name: 'resume-lab snippet', codeGeneration: { strings: true, wasm: false } });
  vm.runInContext(`Error.stackTraceLimit = ${STACK_TRACE_LIMIT}`, context);
  return {
    context,
    globals,
    reserved: new Set(Object.keys(shellGlobals)),
    clearTimers: () => {
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
    },
  };
}
