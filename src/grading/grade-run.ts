import type { GradeEventSink } from '../core/events.js';
import type { Lesson } from '../lessons/schema.js';
import type { Submission } from '../lessons/submission.js';
import type { RunningTarget } from '../targets/target.js';
import { Grader } from './grader.js';
import type { GradeReport, SubmissionReport } from './report.js';

/** What runGrading needs. */
export interface GradingRun {
  readonly lesson: Lesson;
  /** Started by the caller, and stopped by it. */
  readonly target: RunningTarget;
  /** Parsed against the lesson, in the order they are graded and reported. */
  readonly submissions: readonly Submission[];
  readonly seed?: number;
  readonly timeoutMs?: number;
  /** resume-lab's version, recorded in the report. */
  readonly toolVersion: string;
  readonly emit?: GradeEventSink;
}

/** Grades submissions one after the other in one sandbox host, emitting events, and resolves with the report. */
export async function runGrading(run: GradingRun): Promise<GradeReport> {
  const { lesson, target, emit } = run;
  const grader = await Grader.start({ lesson, target, seed: run.seed, timeoutMs: run.timeoutMs });
  const submissions: SubmissionReport[] = [];
  try {
    for (const submission of run.submissions) {
      emit?.({ type: 'submission-started', file: submission.file, lesson: lesson.id, steps: lesson.steps.length });
      submissions.push(await grader.grade(submission, { emit }));
    }
  } finally {
    await grader.close();
  }
  const report: GradeReport = {
    toolVersion: run.toolVersion,
    lesson: { id: lesson.id, title: lesson.title, formatVersion: lesson.formatVersion },
    target: { kind: target.kind, ...(target.serverVersion === undefined ? {} : { serverVersion: target.serverVersion }) },
    seed: grader.seed,
    timeoutMs: grader.timeoutMs,
    submissions,
  };
  emit?.({ type: 'report', report });
  return report;
}
