import { EventEmitter } from 'node:events';
import type { Lesson } from '../lessons/schema.js';
import { readSubmission } from '../lessons/submission.js';
import type { OutputLine, SnippetError } from '../sandbox/api.js';
import { SandboxCrashError, SandboxHostDeadError, SandboxTimeoutError } from '../sandbox/errors.js';
import type { SandboxHost } from '../sandbox/host/index.js';
import { BUILTIN_METHODS } from '../sandbox/host/protocol.js';
import type { RunningTarget, TargetKind } from '../targets/target.js';
import { ProgressFileError, UserError } from './errors.js';
import type { LearnInfrastructure } from './learn-infrastructure.js';
import type { LearnBeginArgs, LearnRunStepArgs, LearnStepOutcome } from './learn-host-module.js';
import type { LearnState, LessonChoice, LessonView, RunError, SandboxStatus, StepRun, StepView, TargetStatus } from './learn-state.js';
import type { LearnTimelineEntry } from './learn-timeline.js';
import type { LessonProgress, ProgressStore, StepProgress } from './progress-store.js';

/** The seed of the orders the checker inserts in the app: any fixed number does, the learner never types it. */
export const LEARN_SEED = 20_240_601;

/** How long each wait of a check may take in the app, as for `resume-lab grade` without --timeout. */
export const LEARN_TIMEOUT_MS = 5_000;

/** How many waits a step's checks may chain, each bounded by the timeout (the grader allows as many). */
const WAITS_PER_STEP = 6;

/** How a LearnSession is set up. */
export interface LearnSessionOptions {
  /** The lessons the learner may open, in the picker's order. */
  readonly lessons: readonly Lesson[];
  readonly store: ProgressStore;
  readonly infrastructure: LearnInfrastructure;
  /** The target kind asked for (`auto` until it resolves), for the status line while it starts. */
  readonly targetKind: TargetKind;
  readonly seed?: number;
  readonly timeoutMs?: number;
}

/** Events of a LearnSession. */
export interface LearnSessionEvents {
  /** Any change: a new snapshot to render. */
  state: [LearnState];
  /** A run ended (after the progress was saved). */
  'run-finished': [{ readonly stepId: string; readonly run: StepRun }];
}

/** One step's data while the lesson is open. */
interface StepData {
  code: string;
  passed: boolean;
  hintsShown: number;
  solutionShown: boolean;
  lastRun?: StepRun;
}

/** The learner's session in the sandbox host. */
interface SandboxRun {
  /** A session is open in the host, with the harness begun. */
  open: boolean;
  /** The step that can run on the open session as it is: every step before it ran there, in order. */
  next?: number;
  /** Steps that ran there with the learner's code and did not pass: their effects are part of the state. */
  carried: string[];
  /** Which step each of the session's evaluations ran, by evaluation number, to place errors of listeners. */
  readonly evaluations: Map<number, number>;
}

/** The state could not be rebuilt for a step: a replayed reference solution failed. */
class RebuildError extends Error {}

/**
 * The headless core of the interactive app: it starts the target and a worker sandbox host in the background, keeps
 * the open lesson's state, runs a step (the learner's snippet, then the step's checks, through the grading layer's
 * harness), follows the event timeline live, and saves progress after every run. The Ink app renders its `state`
 * snapshots and calls its intents; nothing here prints.
 *
 * A step runs on the sandbox state its earlier steps left when they ran just before it, in order, passed or not: a
 * mistake carries over, so a resume that skipped the outage shows as lost orders in the next step. Otherwise
 * (running a step again, jumping ahead or back) the state is rebuilt first: a fresh database and session, and every
 * earlier step replayed, the learner's code where it passed and the reference solution where it did not.
 */
export class LearnSession extends EventEmitter<LearnSessionEvents> {
  readonly #options: LearnSessionOptions;
  #targetStatus: TargetStatus;
  #sandboxStatus: SandboxStatus = { state: 'starting' };
  #notice: string | undefined;
  #target: Promise<RunningTarget> | undefined;
  #host: Promise<SandboxHost> | undefined;
  #lesson: Lesson | undefined;
  #steps: StepData[] = [];
  #solutions: readonly string[] | undefined;
  #explanations: Record<string, string> | undefined;
  #stepIndex = 0;
  #started = false;
  #timeline: LearnTimelineEntry[] = [];
  #liveOutput: OutputLine[] = [];
  #running: number | undefined;
  #runPromise: Promise<StepRun> | undefined;
  #sandbox: SandboxRun = { open: false, evaluations: new Map(), carried: [] };
  #closing: Promise<void> | undefined;
  #state: LearnState;

  constructor(options: LearnSessionOptions) {
    super();
    this.#options = options;
    this.#targetStatus = { state: 'starting', kind: options.targetKind };
    this.#notice = options.store.notice;
    this.#state = this.#snapshot();
  }

  /** The latest snapshot. */
  get state(): LearnState {
    return this.#state;
  }

  /** Starts the target and the sandbox host in the background; the state says when each is ready or why it failed. */
  start(): void {
    if (this.#target !== undefined || this.#closing !== undefined) return;
    const { infrastructure } = this.#options;
    this.#target = infrastructure.startTarget();
    this.#target.then(
      (target) => this.#update(() => (this.#targetStatus = { state: 'ready', kind: target.kind, uri: target.uri })),
      (err: unknown) => this.#update(() => (this.#targetStatus = { state: 'failed', ...describe(err) })),
    );
    this.#host = infrastructure.startHost();
    this.#host.then(
      (host) => {
        host.on('output', (line) => {
          if (this.#running === undefined) return;
          this.#update(() => this.#liveOutput.push(line));
        });
        this.#update(() => (this.#sandboxStatus = { state: 'ready' }));
      },
      (err: unknown) => this.#update(() => (this.#sandboxStatus = { state: 'failed', message: describe(err).message })),
    );
  }

  /** The lessons with the learner's saved progress in each, for the picker. */
  lessonChoices(): LessonChoice[] {
    return this.#options.lessons.map((lesson) => {
      const saved = this.#options.store.lesson(lesson.id);
      return {
        id: lesson.id,
        title: lesson.title,
        summary: lesson.summary,
        steps: lesson.steps.length,
        estimatedMinutes: lesson.estimatedMinutes,
        passed: lesson.steps.filter((step) => saved?.steps[step.id]?.passed === true).length,
        started: saved !== undefined,
      };
    });
  }

  /** Opens a lesson (by id, one of the session's lessons) where the learner left it, or at its first step, with their code. */
  async openLesson(id: string): Promise<void> {
    const lesson = this.#options.lessons.find((l) => l.id === id);
    if (lesson === undefined) throw new Error(`no lesson "${id}" in this session`);
    const saved = this.#options.store.lesson(lesson.id);
    const solutions = await readSubmission(lesson.files.solution, lesson.steps.map((s) => s.id)).then(
      (submission) => submission.steps.map((s) => s.code.trim()),
      () => undefined,
    );
    this.#lesson = lesson;
    this.#solutions = solutions;
    this.#explanations = undefined;
    this.#steps = lesson.steps.map((step) => fromProgress(saved?.steps[step.id], step.starter));
    this.#stepIndex = Math.max(0, lesson.steps.findIndex((s) => s.id === saved?.currentStep));
    this.#started = saved !== undefined;
    this.#timeline = [];
    this.#liveOutput = [];
    // The open sandbox session may hold another lesson's checks, or another run of this one: the first run rebuilds it.
    this.#sandbox.next = undefined;
    this.#emit();
  }

  /** Keeps the current step's snippet as the learner edits it; it is saved with the next run or step change. */
  setCode(code: string): void {
    const step = this.#steps[this.#stepIndex];
    if (step === undefined || step.code === code) return;
    this.#update(() => (step.code = code));
  }

  /** Moves to another step (clamped to the lesson) and saves where the learner is. */
  goTo(index: number): void {
    if (this.#lesson === undefined) return;
    const target = Math.min(Math.max(0, index), this.#steps.length - 1);
    if (target === this.#stepIndex) return;
    this.#update(() => {
      this.#stepIndex = target;
      this.#liveOutput = [];
      this.#save();
    });
  }

  /** One more hint for the current step, up to the last one; saved. */
  showHint(): void {
    const step = this.#steps[this.#stepIndex];
    const total = this.#lesson?.steps[this.#stepIndex]?.hints.length ?? 0;
    if (step === undefined || step.hintsShown >= total) return;
    this.#update(() => {
      step.hintsShown++;
      this.#save();
    });
  }

  /** Reveals the current step's reference solution before the step passed (the app asks the learner first); saved. */
  showSolution(): void {
    const step = this.#steps[this.#stepIndex];
    if (step === undefined || step.solutionShown) return;
    this.#update(() => {
      step.solutionShown = true;
      this.#save();
    });
  }

  /** The current step as new: the starter code, not passed, no hints, no solution; saved. */
  resetStep(): void {
    const lesson = this.#lesson;
    if (lesson === undefined) return;
    const index = this.#stepIndex;
    this.#update(() => {
      this.#steps[index] = fromProgress(undefined, lesson.steps[index]!.starter);
      // The sandbox still holds this step's effects; a later step must run on a state rebuilt without them.
      if ((this.#sandbox.next ?? 0) > index) this.#sandbox.next = undefined;
      this.#save();
    });
  }

  /** The whole lesson as new, back at its first step; saved. */
  resetLesson(): void {
    const lesson = this.#lesson;
    if (lesson === undefined) return;
    this.#update(() => {
      this.#steps = lesson.steps.map((step) => fromProgress(undefined, step.starter));
      this.#stepIndex = 0;
      this.#sandbox.next = undefined;
      this.#liveOutput = [];
      this.#save();
    });
  }

  /**
   * Runs the current step with its current code and resolves with the outcome, once the progress is saved. While a
   * run is going on, asking again returns that run.
   */
  run(): Promise<StepRun> {
    if (this.#runPromise !== undefined) return this.#runPromise;
    const lesson = this.#lesson;
    if (lesson === undefined) return Promise.reject(new Error('no lesson is open'));
    this.start();
    const index = this.#stepIndex;
    const step = this.#steps[index]!;
    const code = step.code;
    this.#update(() => {
      this.#running = index;
      this.#liveOutput = [];
    });
    const started = performance.now();
    this.#runPromise = this.#runStep(lesson, index, code)
      .then((run) => ({ ...run, durationMs: performance.now() - started }))
      .then((run) => {
        this.#update(() => {
          step.lastRun = run;
          step.passed = run.status === 'pass';
          this.#running = undefined;
          this.#runPromise = undefined;
          this.#save();
        });
        this.emit('run-finished', { stepId: lesson.steps[index]!.id, run });
        return run;
      });
    return this.#runPromise;
  }

  /** Saves, stops the sandbox host and then the target. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#save();
      const host = await this.#host?.catch(() => undefined);
      // The learner's database goes with the session: on a shared replica set (uri) nothing must stay behind.
      if (host?.state === 'ready' && this.#sandbox.open) await host.call('learn.finish').catch(() => undefined);
      await host?.dispose();
      const target = await this.#target?.catch(() => undefined);
      await target?.stop();
      this.#update(() => (this.#targetStatus = { state: 'stopped' }));
    })();
    return this.#closing;
  }

  /** Runs step `index` on a state that its earlier steps built, rebuilding that state first when needed. */
  async #runStep(lesson: Lesson, index: number, code: string): Promise<StepRun> {
    let target: RunningTarget;
    let host: SandboxHost;
    try {
      [target, host] = await Promise.all([this.#target!, this.#host!]);
    } catch (err) {
      return setupFailure(describe(err));
    }
    let stoodIn: string[] = [];
    try {
      if (host.state === 'dead') {
        await host.restart();
        this.#sandbox = { open: false, evaluations: new Map(), carried: [] };
      }
      if (!this.#sandbox.open || this.#sandbox.next !== index) stoodIn = await this.#rebuild(lesson, target, host, index);
      const carriedOver = [...this.#sandbox.carried];
      const outcome = await this.#call(host, lesson, index, code, false);
      // The next step continues on this state, mistakes included: a wrong resume shows as lost orders there.
      this.#sandbox.next = index + 1;
      if (!isPass(outcome)) this.#sandbox.carried.push(lesson.steps[index]!.id);
      return { ...toStepRun(outcome, stoodIn, (evaluation) => this.#stepOfEvaluation(lesson, index, evaluation)), carriedOver };
    } catch (err) {
      this.#sandbox.next = undefined;
      if (err instanceof RebuildError) return setupFailure({ message: err.message, hint: 'run the earlier steps first, or reset the lesson' });
      if (err instanceof SandboxTimeoutError || err instanceof SandboxCrashError) return { ...errorRun(err.snippetError), stoodIn };
      if (err instanceof SandboxHostDeadError) return { ...errorRun({ kind: 'crash', name: 'SandboxCrash', message: err.message }), stoodIn };
      return setupFailure(describe(err));
    }
  }

  /**
   * A fresh session and database with steps 0..index-1 replayed on it. Returns the steps whose reference solution
   * stood in: those not passed, and any passed step whose code no longer passes when replayed.
   */
  async #rebuild(lesson: Lesson, target: RunningTarget, host: SandboxHost, index: number): Promise<string[]> {
    const standIns = new Set(lesson.steps.slice(0, index).filter((_, i) => !this.#steps[i]!.passed).map((s) => s.id));
    for (;;) {
      await this.#openFresh(lesson, target, host);
      let failed: string | undefined;
      for (let i = 0; i < index; i++) {
        const id = lesson.steps[i]!.id;
        const own = !standIns.has(id);
        const code = own ? this.#steps[i]!.code : this.#solutions?.[i];
        if (code === undefined) throw new RebuildError(`step "${id}" has not passed and the lesson has no reference solution to stand in for it`);
        const outcome = await this.#call(host, lesson, i, code, true);
        if (isPass(outcome)) continue;
        if (!own) throw new RebuildError(`the reference solution of step "${id}" failed when it was replayed to rebuild the state`);
        failed = id;
        break;
      }
      if (failed === undefined) return lesson.steps.slice(0, index).map((s) => s.id).filter((id) => standIns.has(id));
      standIns.add(failed);
    }
  }

  /** Ends the open session (its database is dropped) and opens a new one with the lesson's checks. */
  async #openFresh(lesson: Lesson, target: RunningTarget, host: SandboxHost): Promise<void> {
    if (this.#sandbox.open) await host.call('learn.finish');
    this.#sandbox = { open: false, evaluations: new Map(), carried: [] };
    const checksPath = lesson.files.checks;
    this.#explanations ??= await host.call<Record<string, string>>('learn.explanations', { checksPath });
    // A shared replica set (uri) may serve other learners: this process's database gets its own name there.
    const dbName = target.kind === 'uri' ? `${lesson.database}_learn_${process.pid.toString(36)}` : lesson.database;
    await host.call(BUILTIN_METHODS.open, { uri: target.uri, dbName, explanations: this.#explanations });
    const begin: LearnBeginArgs = { checksPath, seed: this.#options.seed ?? LEARN_SEED, timeoutMs: this.#timeoutMs, collection: lesson.collection };
    await host.call('learn.begin', begin);
    this.#sandbox.open = true;
    this.#sandbox.next = 0;
    this.#update(() => (this.#timeline = []));
  }

  /** Runs one step in the host while following its timeline. */
  async #call(host: SandboxHost, lesson: Lesson, index: number, code: string, replay: boolean): Promise<LearnStepOutcome> {
    const args: LearnRunStepArgs = { stepId: lesson.steps[index]!.id, code, replay };
    const deadlineMs = host.limits.syncTimeoutMs + host.limits.asyncDeadlineMs + WAITS_PER_STEP * this.#timeoutMs;
    // The step's call goes first: the host marks the step as running before it answers the first timeline call.
    const outcome = host.call<LearnStepOutcome>('learn.runStep', args, { deadlineMs });
    const done = { value: false };
    const following = replay ? Promise.resolve() : this.#followTimeline(host, done);
    try {
      const result = await outcome;
      if (result.evaluation !== undefined) this.#sandbox.evaluations.set(result.evaluation, index);
      return result;
    } finally {
      done.value = true;
      await following;
      await this.#fetchTimeline(host);
    }
  }

  /** Asks the host for new timeline entries until `done`; each call returns as soon as there are some. */
  async #followTimeline(host: SandboxHost, done: { value: boolean }): Promise<void> {
    while (!done.value) {
      if (!(await this.#fetchTimeline(host))) return;
    }
  }

  /** Appends the entries the host has beyond ours; false when the host could not answer. */
  async #fetchTimeline(host: SandboxHost): Promise<boolean> {
    if (!this.#sandbox.open || host.state !== 'ready') return false;
    const entries = await host.call<LearnTimelineEntry[]>('learn.timeline', { since: this.#timeline.length }).catch(() => undefined);
    if (entries === undefined) return false;
    if (entries.length > 0) this.#update(() => this.#timeline.push(...entries));
    return true;
  }

  /** The step whose code an evaluation ran, when it is not `index`. */
  #stepOfEvaluation(lesson: Lesson, index: number, evaluation: number | undefined): string | undefined {
    if (evaluation === undefined) return undefined;
    const step = this.#sandbox.evaluations.get(evaluation);
    return step === undefined || step === index ? undefined : lesson.steps[step]?.id;
  }

  get #timeoutMs(): number {
    return this.#options.timeoutMs ?? LEARN_TIMEOUT_MS;
  }

  /** Writes the open lesson's progress; a failure becomes the notice, so the learner can go on working. */
  #save(): void {
    const lesson = this.#lesson;
    if (lesson === undefined) return;
    const steps: Record<string, StepProgress> = {};
    lesson.steps.forEach((step, i) => {
      const data = this.#steps[i]!;
      const touched = data.code !== step.starter || data.passed || data.hintsShown > 0 || data.solutionShown;
      if (touched) steps[step.id] = { code: data.code, passed: data.passed, hintsShown: data.hintsShown, solutionShown: data.solutionShown };
    });
    const progress: LessonProgress = { currentStep: lesson.steps[this.#stepIndex]!.id, steps };
    try {
      this.#options.store.saveLesson(lesson.id, progress);
    } catch (err) {
      if (!(err instanceof ProgressFileError)) throw err;
      this.#notice = `${err.message}. ${err.hint}.`;
    }
  }

  /** Applies a change and emits the new snapshot. */
  #update(change: () => unknown): void {
    change();
    this.#emit();
  }

  #emit(): void {
    this.#state = this.#snapshot();
    this.emit('state', this.#state);
  }

  #snapshot(): LearnState {
    const lesson = this.#lesson;
    return {
      target: this.#targetStatus,
      sandbox: this.#sandboxStatus,
      ...(this.#notice === undefined ? {} : { notice: this.#notice }),
      ...(lesson === undefined ? {} : { lesson: this.#lessonView(lesson) }),
    };
  }

  #lessonView(lesson: Lesson): LessonView {
    const steps = lesson.steps.map((step, i): StepView => {
      const data = this.#steps[i]!;
      const solution = data.passed || data.solutionShown ? this.#solutions?.[i] : undefined;
      return {
        id: step.id,
        title: step.title,
        instructions: step.instructions,
        code: data.code,
        passed: data.passed,
        hints: step.hints.slice(0, data.hintsShown),
        hintCount: step.hints.length,
        solutionShown: data.solutionShown,
        ...(solution === undefined ? {} : { solution }),
        ...(data.lastRun === undefined ? {} : { lastRun: data.lastRun }),
      };
    });
    return {
      id: lesson.id,
      title: lesson.title,
      introduction: lesson.introduction,
      started: this.#started,
      stepIndex: this.#stepIndex,
      steps,
      ...(this.#running === undefined ? {} : { running: this.#running }),
      timeline: [...this.#timeline],
      liveOutput: [...this.#liveOutput],
    };
  }
}

/** A step's data from its saved progress, or as new. */
function fromProgress(saved: StepProgress | undefined, starter: string): StepData {
  return saved === undefined
    ? { code: starter, passed: false, hintsShown: 0, solutionShown: false }
    : { code: saved.code, passed: saved.passed, hintsShown: saved.hintsShown, solutionShown: saved.solutionShown };
}

function isPass(outcome: LearnStepOutcome): boolean {
  return outcome.errors.length === 0 && outcome.results.length > 0 && outcome.results.every((r) => r.status === 'pass');
}

/** A run's outcome from the host's, the way the grader judges it: an error wins over failed checks. */
function toStepRun(outcome: LearnStepOutcome, stoodIn: string[], stepOf: (evaluation: number | undefined) => string | undefined): StepRun {
  const first = outcome.errors[0];
  const failed = outcome.results.length === 0 || outcome.results.some((r) => r.status === 'fail');
  return {
    status: first !== undefined ? 'error' : failed ? 'fail' : 'pass',
    carriedOver: [],
    checks: outcome.results,
    output: outcome.output,
    outputTruncated: outcome.outputTruncated,
    ...(outcome.value === undefined ? {} : { value: outcome.value }),
    ...(first === undefined ? {} : { error: toRunError(first, stepOf(first.position?.evaluation)) }),
    stoodIn,
    durationMs: outcome.durationMs,
  };
}

function toRunError(error: SnippetError, stepId: string | undefined): RunError {
  return {
    kind: error.kind,
    name: error.name,
    message: error.message,
    ...(error.position === undefined ? {} : { line: error.position.line, column: error.position.column }),
    ...(stepId === undefined ? {} : { stepId }),
    ...(error.explanation === undefined ? {} : { explanation: error.explanation }),
  };
}

function errorRun(error: SnippetError): StepRun {
  return { status: 'error', checks: [], output: [], outputTruncated: false, error: toRunError(error, undefined), stoodIn: [], carriedOver: [], durationMs: 0 };
}

/** A run that could not happen: no target, no sandbox, or no state to run on. */
function setupFailure(reason: { message: string; hint: string }): StepRun {
  const error: RunError = { kind: 'setup', name: 'SetupError', message: reason.message, explanation: reason.hint };
  return { status: 'error', checks: [], output: [], outputTruncated: false, error, stoodIn: [], carriedOver: [], durationMs: 0 };
}

/** An error's message and what to do, for the learner: a UserError has both; anything else is a bug. */
function describe(err: unknown): { message: string; hint: string } {
  if (err instanceof UserError) return { message: err.message, hint: err.hint };
  return { message: err instanceof Error ? err.message : String(err), hint: 'rerun with --debug and report it: this is a bug in resume-lab' };
}
