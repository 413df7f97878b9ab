import type { CheckResult } from '../grading/api.js';
import type { OutputLine } from '../sandbox/api.js';
import type { StartableTargetKind, TargetKind } from '../targets/target.js';
import type { LearnTimelineEntry } from './learn-timeline.js';

/**
 * The state of an interactive session as the app renders it. A LearnSession emits a new, immutable snapshot of it on
 * every change; renderers read it and never change it.
 */

/** Where the database is: starting in the background, ready, failed with the reason and what to do, or stopped. */
export type TargetStatus =
  | { readonly state: 'starting'; readonly kind: TargetKind }
  | { readonly state: 'ready'; readonly kind: StartableTargetKind; readonly uri: string }
  | { readonly state: 'failed'; readonly message: string; readonly hint: string }
  | { readonly state: 'stopped' };

/** The sandbox host that runs the learner's snippets, in a worker thread. */
export type SandboxStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'ready' }
  | { readonly state: 'failed'; readonly message: string };

/** A learner error, placed in the learner's code. */
export interface RunError {
  /** syntax, runtime, timeout or crash (from the sandbox), or setup when the state could not be rebuilt. */
  readonly kind: string;
  readonly name: string;
  readonly message: string;
  /** 1-based line and column in the snippet of `stepId`. */
  readonly line?: number;
  readonly column?: number;
  /** The step whose code raised it, when it is not the step that ran (a listener from an earlier step). */
  readonly stepId?: string;
  /** What the error usually means and what to change. */
  readonly explanation?: string;
}

/** The outcome of one run of a step: the checks in order, what the snippet printed, and its error. */
export interface StepRun {
  readonly status: 'pass' | 'fail' | 'error';
  readonly checks: readonly CheckResult[];
  readonly output: readonly OutputLine[];
  readonly outputTruncated: boolean;
  /** How a shell would echo the snippet's last expression. */
  readonly value?: string;
  readonly error?: RunError;
  /**
   * Earlier steps whose reference solution ran in place of the learner's code (not passed yet) to rebuild the state
   * this step runs on.
   */
  readonly stoodIn: readonly string[];
  /**
   * Earlier steps that did not pass but ran, with the learner's code, on the state this run continued from: their
   * mistakes carry over into this step.
   */
  readonly carriedOver: readonly string[];
  readonly durationMs: number;
}

/** One step as the learner sees it. */
export interface StepView {
  readonly id: string;
  readonly title: string;
  /** Markdown. */
  readonly instructions: string;
  /** The learner's snippet. */
  readonly code: string;
  /** Whether the last run of that code passed. */
  readonly passed: boolean;
  /** The hints asked for so far, in order. */
  readonly hints: readonly string[];
  readonly hintCount: number;
  /** The reference solution: present only once the step passed, or the learner confirmed they want to see it. */
  readonly solution?: string;
  /** True when the learner asked for the solution before passing. */
  readonly solutionShown: boolean;
  /** The latest run in this session, if any. */
  readonly lastRun?: StepRun;
}

/** The open lesson. */
export interface LessonView {
  readonly id: string;
  readonly title: string;
  /** Markdown shown before the first step. */
  readonly introduction: string;
  /** Whether the learner had saved progress in it when it was opened (a newcomer sees the introduction first). */
  readonly started: boolean;
  readonly stepIndex: number;
  readonly steps: readonly StepView[];
  /** The index of the step running now, if one is. */
  readonly running?: number;
  /** What the checker inserted and what reached the learner's listeners since the sandbox state was last rebuilt. */
  readonly timeline: readonly LearnTimelineEntry[];
  /** What the snippet and its listeners printed during the current run, as it is printed. */
  readonly liveOutput: readonly OutputLine[];
}

/** A lesson as the picker lists it, with the learner's progress in it. */
export interface LessonChoice {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: number;
  readonly estimatedMinutes: number;
  /** Steps passed so far, from the saved progress. */
  readonly passed: number;
  /** Whether the learner has saved progress in it. */
  readonly started: boolean;
}

/** Everything the app shows. */
export interface LearnState {
  readonly target: TargetStatus;
  readonly sandbox: SandboxStatus;
  readonly lesson?: LessonView;
  /** Something the learner should know that is not about a step: a progress file moved aside, a failed save. */
  readonly notice?: string;
}
