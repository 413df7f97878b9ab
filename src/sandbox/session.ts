import vm from 'node:vm';
import { MongoClient, type Db } from 'mongodb';
import { MAX_ADDITIONAL_ERRORS, type EvalResult, type OutputLine, type SandboxLimits, type SnippetError } from './api.js';
import { CommandLog } from './command-log.js';
import { echo } from './echo.js';
import { SessionNotOpenError, SnippetSyntaxError } from './errors.js';
import { ShellDatabase } from './facade/database.js';
import { OutputCapture } from './output.js';
import { rewriteSnippet, type RewrittenSnippet } from './rewrite.js';
import { createShellContext, type ShellContext } from './shell-context.js';
import { snippetFileName, toSnippetError, type SnippetErrorContext } from './snippet-error.js';
import { StreamRegistry } from './stream-registry.js';
import { SnippetTimeout, syncTimeoutError, withDeadline } from './timeouts.js';

/** How a SandboxSession is created. */
export interface SandboxSessionOptions {
  /** `mongodb://` URI of the replica set. */
  uri: string;
  /** The learner's database: `db` in snippets. */
  dbName: string;
  limits: SandboxLimits;
  /** Refuse getSiblingDB() for other databases (grading: each submission has its own database). */
  restrictToDb?: boolean;
  /** Lesson explanations by name, used for ReferenceErrors ("declare it in step 2 with ..."). */
  explanations?: Record<string, string>;
}

/** Output and errors collected between evaluations, as drainOutput() returns them. */
export interface DrainedOutput {
  output: OutputLine[];
  outputTruncated: boolean;
  /** Errors of listeners and timers that ran since the last evaluation or drain. */
  errors: SnippetError[];
}

/**
 * A stopped target should fail as a clear driver error well before the snippet's async deadline (10 s by default)
 * instead of hitting it with "still waiting".
 */
const SERVER_SELECTION_TIMEOUT_MS = 5_000;

/** Rewritten snippets kept for mapping positions of errors raised later by the functions they defined. */
const REMEMBERED_SNIPPETS = 100;

/**
 * One learner (or one submission): a MongoClient with command monitoring, the shell facade, a vm context whose
 * top-level bindings persist from evaluation to evaluation, and the registry of the change streams it opened.
 * It runs inside a sandbox host (worker thread or child process), never in the caller's thread.
 */
export class SandboxSession {
  /** The session's client, created with `monitorCommands: true`. */
  readonly client: MongoClient;
  /** The learner's database, as the driver sees it (`db` in snippets is the shell facade over it). */
  readonly db: Db;
  readonly streams: StreamRegistry;
  readonly commands: CommandLog;
  readonly limits: SandboxLimits;
  readonly #output: OutputCapture;
  readonly #shell: ShellContext;
  readonly #explanations: Readonly<Record<string, string>>;
  readonly #snippets = new Map<number, RewrittenSnippet>();
  #pendingErrors: SnippetError[] = [];
  readonly #errorListeners = new Set<(error: SnippetError) => void>();
  #evaluations = 0;
  /** True while an evaluation runs: errors reported then belong to it rather than to the next one. */
  #running = false;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: SandboxSessionOptions) {
    this.limits = options.limits;
    this.#explanations = options.explanations ?? {};
    this.client = new MongoClient(options.uri, {
      monitorCommands: true,
      appName: 'resume-lab-sandbox',
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    });
    this.db = this.client.db(options.dbName);
    this.commands = new CommandLog(this.client);
    this.streams = new StreamRegistry((error, site) => this.reportError(error, site));
    this.#output = new OutputCapture(options.limits.maxOutputLines);
    const shellDb = new ShellDatabase(this.db, {
      client: this.client,
      registry: this.streams,
      ownDbName: options.dbName,
      restrictToDb: options.restrictToDb ?? false,
    });
    this.#shell = createShellContext({ db: shellDb, output: this.#output, reportError: (error, site) => this.reportError(error, site) });
  }

  /** Every output line as soon as it is printed (evaluations, listeners, timers); for live views. */
  onOutput(listener: (line: OutputLine) => void): () => void {
    this.#output.on('line', listener);
    return () => this.#output.off('line', listener);
  }

  /** Every error recorded outside an evaluation (listeners, timers), as it happens; it is reported later too. */
  onError(listener: (error: SnippetError) => void): () => void {
    this.#errorListeners.add(listener);
    return () => this.#errorListeners.delete(listener);
  }

  /** Evaluates a snippet after any evaluation still running; never rejects for the learner's mistakes. */
  evaluate(code: string): Promise<EvalResult> {
    if (this.#closed) return Promise.reject(new SessionNotOpenError());
    const run = this.#queue.then(() => this.#evaluate(code));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The learner's top-level bindings by name (`resumeToken`, `changeStream`...), with their current values. */
  bindings(): Record<string, unknown> {
    const globals = this.#shell.globals;
    return Object.fromEntries(Object.keys(globals).map((name) => [name, globals[name]]));
  }

  /** Output and listener errors collected since the last evaluation or drain. */
  drainOutput(): DrainedOutput {
    const errors = this.#pendingErrors;
    this.#pendingErrors = [];
    return { ...this.#output.drain(), errors };
  }

  /**
   * Records an error raised outside an evaluation (a listener, a timer, an unhandled rejection of learner code);
   * it is reported with the next result or drain.
   */
  reportError(error: unknown, site: string): void {
    if (this.#pendingErrors.length > MAX_ADDITIONAL_ERRORS) return;
    const reportedBy = this.#running ? this.#evaluations : this.#evaluations + 1;
    const snippetError = toSnippetError(error, this.#errorContext(reportedBy), site);
    this.#pendingErrors.push(snippetError);
    for (const listener of this.#errorListeners) listener(snippetError);
  }

  /** Closes the learner's streams and timers, then the client. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#shell.clearTimers();
    await this.streams.closeAll();
    await this.client.close();
  }

  async #evaluate(code: string): Promise<EvalResult> {
    const started = performance.now();
    const evaluation = ++this.#evaluations;
    const errorContext = this.#errorContext(evaluation);
    let value: string | undefined;
    let ownError: SnippetError | undefined;
    this.#running = true;
    try {
      value = await this.#run(code, evaluation);
    } catch (error) {
      ownError = error instanceof SnippetTimeout ? error.snippetError : toSnippetError(error, errorContext);
    } finally {
      this.#running = false;
    }
    const errors = [...(ownError ? [ownError] : []), ...this.#pendingErrors];
    this.#pendingErrors = [];
    const result: EvalResult = { ok: errors.length === 0, ...this.#output.drain(), evaluation, durationMs: performance.now() - started };
    if (value !== undefined) result.value = value;
    if (errors.length > 0) result.error = errors[0];
    if (errors.length > 1) result.additionalErrors = errors.slice(1, 1 + MAX_ADDITIONAL_ERRORS);
    return result;
  }

  /** Rewrites and runs one snippet; resolves with the echo of its value, throws what the snippet threw. */
  async #run(code: string, evaluation: number): Promise<string | undefined> {
    const snippet = rewriteSnippet(code, { reserved: this.#shell.reserved });
    this.#snippets.set(evaluation, snippet);
    this.#snippets.delete(evaluation - REMEMBERED_SNIPPETS);
    const globals = this.#shell.globals;
    // `var x;` reads x, and a function may run before its `let` line: both need the binding to exist.
    for (const name of snippet.declared) if (!Object.hasOwn(globals, name)) globals[name] = undefined;
    const script = compile(snippet, evaluation);
    let completion: Promise<unknown>;
    try {
      completion = script.runInContext(this.#shell.context, { timeout: this.limits.syncTimeoutMs }) as Promise<unknown>;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new SnippetTimeout(syncTimeoutError(this.limits.syncTimeoutMs));
      throw error;
    }
    return withDeadline(
      completion.then((result) => echo(result)),
      this.limits.asyncDeadlineMs,
    );
  }

  #errorContext(evaluation: number): SnippetErrorContext {
    return {
      evaluation,
      explanations: this.#explanations,
      toSnippet: (n: number, position: { line: number; column: number }) => this.#snippets.get(n)?.toSnippet(position),
    };
  }
}

/** Compiles a rewritten snippet; V8 may still reject what acorn accepted, and that is a syntax error too. */
function compile(snippet: RewrittenSnippet, evaluation: number): vm.Script {
  try {
    return new vm.Script(snippet.code, { filename: snippetFileName(evaluation) });
  } catch (error) {
    // V8 puts the place in the stack's head: "snippet-1.js:LINE", the code line, then a caret under the column.
    const head = /^snippet-\d+\.js:(\d+)\n.*\n( *)\^/.exec(String((error as Error).stack));
    const position = head ? snippet.toSnippet({ line: Number(head[1]), column: head[2]!.length + 1 }) : undefined;
    throw new SnippetSyntaxError((error as Error).message, position ?? { line: 1, column: 1 });
  }
}
