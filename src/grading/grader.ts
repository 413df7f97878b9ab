import { extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BugError, LessonFormatError, SubmissionParseError } from '../core/errors.js';
import type { GradeEventSink } from '../core/events.js';
import type { Lesson } from '../lessons/schema.js';
import { readSubmission, type Submission } from '../lessons/submission.js';
import { DEFAULT_LIMITS, type SandboxLimits, type SnippetError } from '../sandbox/api.js';
import { SandboxCrashError, SandboxHostDeadError, SandboxTimeoutError } from '../sandbox/errors.js';
import { BUILTIN_METHODS, startSandboxHost, type SandboxHost } from '../sandbox/host/index.js';
import type { RunningTarget } from '../targets/target.js';
import type { ChecksInfo, RunStepArgs, StepOutcome } from './host-module.js';
import { submissionStatus, type StepError, type StepReport, type SubmissionReport } from './report.js';
import type { RunTimelineEntry, TimelineEntry } from './timeline.js';

/** The seed used when none is given; it is recorded in every report so a run can be reproduced. */
export const DEFAULT_SEED = 20_240_601;

/** How long each wait of a check (and a snippet's async work) may take when no --timeout is given. */
export const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * How many waits a step's checks may chain, each bounded by the timeout: the host call of a step gets this many
 * timeouts on top of the snippet's own limits before it counts as stuck.
 */
const WAITS_PER_STEP = 6;

/** The in-host half of grading, `.ts` from the sources and `.js` from the built package, like this file. */
const HOST_MODULE = fileURLToPath(new URL(`./host-module${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** How a Grader is set up. */
export interface GraderOptions {
  readonly lesson: Lesson;
  readonly target: RunningTarget;
  readonly seed?: number;
  readonly timeoutMs?: number;
}

/** Options of one grade() call. */
export interface GradeOptions {
  /** Stop after this step (the linter grades a mutant only up to the step where it must fail). */
  readonly stopAfter?: string;
  /** Receives a 'step-graded' event per step. */
  readonly emit?: GradeEventSink;
}

/** The code and where it came from, for one step of one run. */
interface StepSource {
  readonly code: string;
  readonly file: string;
  /** 1-based line of the step's `// @step` marker: the code starts on the next line. */
  readonly markerLine: number;
}

/** One sandbox session with its harness, and which steps ran in it. */
interface Run {
  /** Where the code of each evaluation came from, by the session's evaluation number. */
  readonly sources: Map<number, StepSource>;
  /** The earlier steps whose reference solution was replayed to build this run's state; every step graded in it says so. */
  readonly stoodIn: string[];
}

/**
 * Grades submissions of one lesson against one target. Learner code runs in a sandbox host of kind 'process',
 * never in this process. Each submission gets a fresh session and database; when a step fails, the next step is
 * graded on a rebuilt state where the reference solution stands in for every failed earlier step.
 */
export class Grader {
  readonly seed: number;
  readonly timeoutMs: number;
  readonly #lesson: Lesson;
  readonly #target: RunningTarget;
  readonly #host: SandboxHost;
  readonly #solution: Submission;
  readonly #explanations: Record<string, string>;
  /** Runs opened so far, for unique database names. */
  #runs = 0;
  /** The database of the current run: a host that dies cannot drop it, so the next run does. */
  #currentDb: string | undefined;
  /** Distinguishes this grader's databases from another grader's on a shared (uri) target. */
  readonly #tag = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

  private constructor(options: Required<GraderOptions>, host: SandboxHost, solution: Submission, explanations: Record<string, string>) {
    this.#lesson = options.lesson;
    this.#target = options.target;
    this.seed = options.seed;
    this.timeoutMs = options.timeoutMs;
    this.#host = host;
    this.#solution = solution;
    this.#explanations = explanations;
  }

  /**
   * Starts a sandbox host, loads the grading module and the lesson's checks, and reads the reference solution.
   * A checks module or solution that does not fit the lesson is a LessonFormatError.
   */
  static async start(options: GraderOptions): Promise<Grader> {
    const { lesson } = options;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const stepIds = lesson.steps.map((s) => s.id);
    const solution = await readSubmission(lesson.files.solution, stepIds).catch((err: unknown) => {
      if (err instanceof SubmissionParseError) throw new LessonFormatError(err.file, err.line, 'solution', err.problem, err.hint);
      throw err;
    });
    const limits: SandboxLimits = { ...DEFAULT_LIMITS, syncTimeoutMs: Math.min(DEFAULT_LIMITS.syncTimeoutMs, timeoutMs), asyncDeadlineMs: timeoutMs };
    const host = await startSandboxHost({ kind: 'process', limits, readPaths: [`${lesson.files.dir}${sep}`] });
    try {
      await host.loadModule(HOST_MODULE);
      const info = await inspectChecks(host, lesson);
      return new Grader({ lesson, target: options.target, seed: options.seed ?? DEFAULT_SEED, timeoutMs }, host, solution, info.explanations);
    } catch (err) {
      await host.dispose();
      throw err;
    }
  }

  /** Grades one submission (already parsed against this lesson). */
  async grade(submission: Submission, options: GradeOptions = {}): Promise<SubmissionReport> {
    const started = performance.now();
    const steps: StepReport[] = [];
    let run: Run | undefined;
    let runs = 0;
    const timeline: RunTimelineEntry[] = [];
    const rebuilds: string[][] = [];
    const endRun = async () => timeline.push(...(await this.#finish()).map((entry) => ({ ...entry, run: runs })));
    for (const [index, step] of this.#lesson.steps.entries()) {
      let report: StepReport | undefined;
      if (run === undefined) {
        if (index > 0) await endRun();
        const opened = await this.#open(submission, steps);
        runs++;
        run = opened.run;
        if (index > 0) rebuilds.push(run.stoodIn);
        if (opened.replayError !== undefined) report = replayFailed(step, run.stoodIn, opened.replayError);
      }
      const own = submission.steps[index]!;
      report ??= await this.#gradeStep(run, step, { code: own.code, file: submission.file, markerLine: own.markerLine }, run.stoodIn);
      steps.push(report);
      options.emit?.({ type: 'step-graded', file: submission.file, step: report });
      // A failed step leaves a state the next step cannot be fairly graded on; a dead host has no state at all.
      if (report.status !== 'pass' || this.#host.state !== 'ready') run = undefined;
      if (step.id === options.stopAfter) break;
    }
    await endRun();
    // A host killed in the last step leaves a database behind and no host for the next submission.
    if (this.#host.state === 'dead') await this.#recover();
    const maxScore = this.#lesson.steps.length;
    return {
      file: submission.file,
      status: submissionStatus(steps, maxScore),
      score: steps.filter((s) => s.status === 'pass').length,
      maxScore,
      durationMs: performance.now() - started,
      steps,
      timeline,
      rebuilds,
    };
  }

  /** Stops the sandbox host. The target belongs to the caller. */
  async close(): Promise<void> {
    await this.#host.dispose();
  }

  /**
   * Opens a fresh session and database, and replays the steps graded so far: the learner's code where the learner's
   * step passed, the reference solution where it did not.
   */
  async #open(submission: Submission, graded: readonly StepReport[]): Promise<{ run: Run; replayError?: string }> {
    if (this.#host.state === 'dead') await this.#recover();
    const run: Run = { sources: new Map(), stoodIn: [] };
    const dbName = `${this.#lesson.database}_${this.#tag}_${++this.#runs}`;
    await this.#host.call(BUILTIN_METHODS.open, { uri: this.#target.uri, dbName, restrictToDb: true, explanations: this.#explanations });
    this.#currentDb = dbName;
    await this.#host.call('grading.begin', { checksPath: this.#lesson.files.checks, seed: this.seed, timeoutMs: this.timeoutMs, collection: this.#lesson.collection });
    for (const [index, previous] of graded.entries()) {
      const own = previous.status === 'pass';
      if (!own) run.stoodIn.push(previous.id);
      const source = own ? submission.steps[index]! : this.#solution.steps[index]!;
      const replayed = await this.#gradeStep(run, this.#lesson.steps[index]!, { code: source.code, file: own ? submission.file : this.#solution.file, markerLine: source.markerLine }, []);
      if (replayed.status !== 'pass') {
        const failure = replayed.error?.message ?? replayed.checks.find((c) => c.status === 'fail')?.message ?? 'it did not pass';
        const whose = own ? 'your code' : 'the reference solution';
        return { run, replayError: `step "${previous.id}" (${whose}) failed when it was replayed to rebuild the state: ${failure}` };
      }
    }
    return { run };
  }

  /** Runs one step in the host and turns its outcome into a report; a killed or crashed host is the step's error. */
  async #gradeStep(run: Run, step: Lesson['steps'][number], source: StepSource, stoodIn: string[]): Promise<StepReport> {
    const args: RunStepArgs = { stepId: step.id, code: source.code };
    const deadlineMs = this.#host.limits.syncTimeoutMs + this.#host.limits.asyncDeadlineMs + WAITS_PER_STEP * this.timeoutMs;
    const started = performance.now();
    let outcome: StepOutcome;
    try {
      outcome = await this.#host.call<StepOutcome>('grading.runStep', args, { deadlineMs });
    } catch (err) {
      if (!(err instanceof SandboxTimeoutError || err instanceof SandboxCrashError || err instanceof SandboxHostDeadError)) throw asBug(err);
      const snippetError: SnippetError = 'snippetError' in err ? err.snippetError : { kind: 'crash', name: 'SandboxCrash', message: err.message };
      return { id: step.id, title: step.title, status: 'error', checks: [], output: [], outputTruncated: false, error: locate(snippetError, run, source), stoodIn, durationMs: performance.now() - started };
    }
    if (outcome.evaluation !== undefined) run.sources.set(outcome.evaluation, source);
    const failed = outcome.results.length === 0 || outcome.results.some((r) => r.status === 'fail');
    const first = outcome.errors[0];
    return {
      id: step.id,
      title: step.title,
      status: first !== undefined ? 'error' : failed ? 'fail' : 'pass',
      checks: outcome.results,
      output: outcome.output.map((line) => line.text),
      outputTruncated: outcome.outputTruncated,
      ...(first === undefined ? {} : { error: locate(first, run, source) }),
      stoodIn,
      durationMs: outcome.durationMs,
    };
  }

  /** Ends the current run in the host: its streams close, its database is dropped; returns its timeline. */
  async #finish(): Promise<TimelineEntry[]> {
    if (this.#host.state !== 'ready') return [];
    this.#currentDb = undefined;
    return this.#host.call<TimelineEntry[]>('grading.finish');
  }

  /** A fresh host after the last one was killed or crashed, and the dead run's database dropped. */
  async #recover(): Promise<void> {
    await this.#host.restart();
    const orphan = this.#currentDb;
    this.#currentDb = undefined;
    if (orphan === undefined) return;
    await this.#host.call(BUILTIN_METHODS.open, { uri: this.#target.uri, dbName: orphan, restrictToDb: true });
    await this.#host.call('grading.drop', { dbName: orphan });
  }
}

/** Checks that the checks module grades exactly the lesson's steps. */
async function inspectChecks(host: SandboxHost, lesson: Lesson): Promise<ChecksInfo> {
  const file = lesson.files.checks;
  let info: ChecksInfo;
  try {
    info = await host.call<ChecksInfo>('grading.inspect', { checksPath: file });
  } catch (err) {
    throw new LessonFormatError(file, undefined, 'checks', `the module does not load: ${err instanceof Error ? err.message : String(err)}`, 'run `node --check` on it and fix the error; it must be an ES module');
  }
  const problem = info.problems[0];
  if (problem !== undefined) throw new LessonFormatError(file, undefined, 'checks', problem, 'export `checks` with `{ check(h) { ... } }` for every step (docs/authoring-lessons.md)');
  const ids = lesson.steps.map((s) => s.id);
  const missing = ids.find((id) => !info.steps.includes(id));
  if (missing !== undefined) throw new LessonFormatError(file, undefined, 'checks', `no checks for step "${missing}"`, `add an entry "${missing}": { async check(h) { ... } } to \`checks\``);
  const extra = info.steps.find((id) => !ids.includes(id));
  if (extra !== undefined) throw new LessonFormatError(file, undefined, 'checks', `checks for "${extra}", which is not a step of lesson.md`, `rename it to one of ${ids.join(', ')}, or remove it`);
  return info;
}

/** A step that could not be graded because the state before it could not be rebuilt. */
function replayFailed(step: Lesson['steps'][number], stoodIn: string[], message: string): StepReport {
  return { id: step.id, title: step.title, status: 'error', checks: [], output: [], outputTruncated: false, error: { kind: 'replay', name: 'ReplayError', message }, stoodIn, durationMs: 0 };
}

/**
 * A sandbox error with its position moved from the snippet into the file: an error raised by code of an earlier
 * evaluation (a listener defined in step 2 that throws in step 4) points into that step's code.
 */
function locate(error: SnippetError, run: Run, current: StepSource): StepError {
  const source = error.position?.evaluation === undefined ? current : (run.sources.get(error.position.evaluation) ?? current);
  return {
    kind: error.kind,
    name: error.name,
    message: error.message,
    ...(error.position === undefined ? {} : { file: source.file, line: source.markerLine + error.position.line, column: error.position.column }),
    ...(error.explanation === undefined ? {} : { explanation: error.explanation }),
  };
}

function asBug(err: unknown): BugError {
  return new BugError(`grading failed in the sandbox host: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
