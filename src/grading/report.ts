import type { StartableTargetKind } from '../targets/target.js';
import type { CheckResult } from './api.js';
import type { RunTimelineEntry } from './timeline.js';

/**
 * The report model of a grading run. Renderers turn it into text (src/reporters/pretty.ts) or into the versioned
 * JSON document of ARCHITECTURE.md section 6 (src/reporters/json.ts).
 */

/** A step's verdict: `error` means the learner's code threw, timed out or crashed. */
export type StepStatus = 'pass' | 'fail' | 'error';

/** A submission's verdict: `error` means it could not be graded at all. */
export type SubmissionStatus = 'pass' | 'fail' | 'error';

/** A learner error, located in the file it came from. */
export interface StepError {
  /**
   * syntax, runtime, timeout or crash, as the sandbox classified it; replay when the state before the step could not
   * be rebuilt, so the step was not graded.
   */
  readonly kind: string;
  /** The error's name as the learner sees it: TypeError, MongoServerError... */
  readonly name: string;
  readonly message: string;
  /** The file the position is in: the submission, or the reference solution when its code stood in. */
  readonly file?: string;
  /** 1-based line and column in that file. */
  readonly line?: number;
  readonly column?: number;
  /** What the error usually means and what to change. */
  readonly explanation?: string;
}

/** One graded step. */
export interface StepReport {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly checks: readonly CheckResult[];
  /** What the learner's code printed while the step ran, one entry per line. */
  readonly output: readonly string[];
  /** True when output was cut at the sandbox's bound. */
  readonly outputTruncated: boolean;
  /** The first learner error of the step, if any. */
  readonly error?: StepError;
  /**
   * Earlier steps whose reference solution ran in place of the learner's failing code, so that this step could be
   * graded on a correct state. Empty when the learner's own earlier steps were used.
   */
  readonly stoodIn: readonly string[];
  /** Time spent in the sandbox host on this step: set-up, the learner's code and the checks. */
  readonly durationMs: number;
}

/** One graded submission file. */
export interface SubmissionReport {
  readonly file: string;
  readonly status: SubmissionStatus;
  /** Steps passed. */
  readonly score: number;
  /** Steps in the lesson. */
  readonly maxScore: number;
  /** Wall time of grading this submission, state rebuilds included. */
  readonly durationMs: number;
  readonly steps: readonly StepReport[];
  /** What happened to the harness's orders, run by run. */
  readonly timeline: readonly RunTimelineEntry[];
  /** For each run after the first, the steps whose reference solution stood in (index 0 is run 2). */
  readonly rebuilds: readonly (readonly string[])[];
}

/** A whole grading run. */
export interface GradeReport {
  readonly toolVersion: string;
  readonly lesson: { readonly id: string; readonly title: string; readonly formatVersion: number };
  readonly target: { readonly kind: StartableTargetKind; readonly serverVersion?: string };
  readonly seed: number;
  readonly timeoutMs: number;
  readonly submissions: readonly SubmissionReport[];
}

/** The verdict of a submission from its steps. */
export function submissionStatus(steps: readonly StepReport[], maxScore: number): SubmissionStatus {
  return steps.length === maxScore && steps.every((s) => s.status === 'pass') ? 'pass' : 'fail';
}

/** The exit code of `resume-lab grade`: 0 when every submission passed, 1 otherwise. */
export function gradeExitCode(report: GradeReport): 0 | 1 {
  return report.submissions.every((s) => s.status === 'pass') ? 0 : 1;
}
