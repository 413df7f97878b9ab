/**
 * The contract between the sandbox (which runs learner snippets off the caller's thread) and its
 * users: the grading harness, the interactive app, and the CLI. Everything that crosses the
 * host boundary is plain, structured-clonable data.
 */

/** One line of learner output (print, printjson, console.*), in the order it was produced. */
export interface OutputLine {
  stream: 'out' | 'err';
  text: string;
}

/** Where in the learner's snippet something happened (1-based line and column). */
export interface SnippetPosition {
  line: number;
  column: number;
  /**
   * Set when the position is in an earlier evaluation's snippet than the result that reports it: a `change`
   * listener defined in step 2 that throws while step 3 runs points into step 2's code.
   */
  evaluation?: number;
}

/** A learner error: syntax, runtime, timeout, crash. Never a stack trace of our own code. */
export interface SnippetError {
  kind: 'syntax' | 'runtime' | 'timeout' | 'crash';
  /** The error's name as the learner would see it (SyntaxError, ReferenceError, MongoServerError...). */
  name: string;
  message: string;
  /** Position in the snippet, when it can be located. */
  position?: SnippetPosition;
  /** A short explanation in plain words, with what to change. */
  explanation?: string;
}

/** The result of evaluating one snippet. */
export interface EvalResult {
  ok: boolean;
  output: OutputLine[];
  /** True when output was cut at the configured bound. */
  outputTruncated: boolean;
  error?: SnippetError;
  /**
   * Errors after the first one, in order: a listener that throws on every event reports each time. Bounded by
   * MAX_ADDITIONAL_ERRORS; absent when there is at most one error.
   */
  additionalErrors?: SnippetError[];
  /**
   * How a shell would echo the value of the snippet's last top-level expression (`db.orders.findOne()` shows the
   * document, a find cursor shows its first documents); absent when that value is undefined or the last statement
   * is not an expression.
   */
  value?: string;
  /**
   * 1-based number of this evaluation in its session, the number that SnippetPosition.evaluation refers to; absent
   * when the host was stopped (timeout, crash) before the session could answer.
   */
  evaluation?: number;
  durationMs: number;
}

/** How many errors beyond the first one an EvalResult keeps. */
export const MAX_ADDITIONAL_ERRORS = 20;

/** Limits that keep a snippet from hanging or flooding its host. */
export interface SandboxLimits {
  /** Synchronous code (a `while (true) {}`) is stopped after this long. */
  syncTimeoutMs: number;
  /** Pending async work (awaited promises) must settle within this long. */
  asyncDeadlineMs: number;
  /** Output lines kept per evaluation. */
  maxOutputLines: number;
  /** Heap of the host (worker or child process) in MB; a snippet that fills it ends as a `crash`. Default 256. */
  maxHeapMb?: number;
}

/** Defaults for SandboxLimits. */
export const DEFAULT_LIMITS: SandboxLimits = { syncTimeoutMs: 2000, asyncDeadlineMs: 10_000, maxOutputLines: 500 };

/** Heap size used when SandboxLimits.maxHeapMb is not set. */
export const DEFAULT_MAX_HEAP_MB = 256;
