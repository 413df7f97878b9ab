import type { GradeReport, StepReport } from '../../src/grading/report.js';
import type { RunTimelineEntry } from '../../src/grading/timeline.js';

/** A step report with defaults for what a test does not care about. */
export function stepReport(fields: Partial<StepReport> & Pick<StepReport, 'id' | 'status'>): StepReport {
  return { title: `Step ${fields.id}`, checks: [], output: [], outputTruncated: false, stoodIn: [], durationMs: 3.4, ...fields };
}

/** A one-submission report around the given steps and timeline. */
export function gradeReport(steps: StepReport[], timeline: RunTimelineEntry[] = [], rebuilds: string[][] = []): GradeReport {
  const score = steps.filter((s) => s.status === 'pass').length;
  return {
    toolVersion: '9.9.9',
    lesson: { id: 'demo', title: 'Demo', formatVersion: 1 },
    target: { kind: 'embedded' },
    seed: 42,
    timeoutMs: 5000,
    submissions: [
      { file: '/work/s.js', status: score === steps.length ? 'pass' : 'fail', score, maxScore: steps.length, durationMs: 12.6, steps, timeline, rebuilds },
    ],
  };
}
