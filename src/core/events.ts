import type { LessonCheckItem } from '../grading/lesson-check.js';
import type { GradeReport, StepReport } from '../grading/report.js';

/**
 * What the grading core reports while it works. The core never prints: renderers (src/reporters/) turn this one
 * stream of events into human text or a JSON document (STYLE rule 10).
 */
export type GradeEvent =
  /** A submission is about to be graded. */
  | { readonly type: 'submission-started'; readonly file: string; readonly lesson: string; readonly steps: number }
  /** One step has its verdict; steps arrive in lesson order. */
  | { readonly type: 'step-graded'; readonly file: string; readonly step: StepReport }
  /** Everything is graded. */
  | { readonly type: 'report'; readonly report: GradeReport };

/** Receives grading events. */
export type GradeEventSink = (event: GradeEvent) => void;

/** What `resume-lab lesson check` reports while it works: one event per finding, as soon as it is known. */
export type LessonCheckEvent = { readonly type: 'lesson-check-item'; readonly item: LessonCheckItem };

/** Receives lesson-check events. */
export type LessonCheckSink = (event: LessonCheckEvent) => void;
