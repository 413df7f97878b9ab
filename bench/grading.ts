import { fileURLToPath } from 'node:url';
import { Grader } from '../src/grading/grader.js';
import { loadLesson } from '../src/lessons/loader.js';
import { readSubmission } from '../src/lessons/submission.js';
import { startTarget } from '../src/targets/resolve-target.js';
import { median, quantile, since } from './stats.js';

/** Full submissions graded (after WARMUP unmeasured ones). */
const RUNS = 30;
const WARMUP = 3;

/**
 * Grading one full submission of the resume-tokens lesson (its reference solution) on the embedded target: the
 * time each step takes in the sandbox host (set-up, learner code, checks) and the whole grade() call, which adds
 * opening the session, the database and dropping it. Starting the target and the sandbox host is reported apart:
 * a grader pays it once for many submissions.
 */
export async function benchGrading(): Promise<Record<string, string>> {
  const lesson = await loadLesson(fileURLToPath(new URL('../lessons/resume-tokens/', import.meta.url)));
  const submission = await readSubmission(lesson.files.solution, lesson.steps.map((s) => s.id));
  const target = await startTarget({ target: 'embedded' });
  try {
    const started = performance.now();
    const grader = await Grader.start({ lesson, target });
    const hostStart = since(started);
    const totals: number[] = [];
    const steps = new Map<string, number[]>(lesson.steps.map((s) => [s.id, []]));
    try {
      for (let run = 0; run < RUNS + WARMUP; run++) {
        const start = performance.now();
        const report = await grader.grade(submission);
        const total = since(start);
        if (report.status !== 'pass') throw new Error(`the reference solution did not pass: ${JSON.stringify(report.steps.map((s) => s.status))}`);
        if (run < WARMUP) continue;
        totals.push(total);
        for (const step of report.steps) steps.get(step.id)!.push(step.durationMs);
      }
    } finally {
      await grader.close();
    }
    return {
      runs: String(RUNS),
      'sandbox host start ms': hostStart.toFixed(0),
      ...Object.fromEntries([...steps].map(([id, times]) => [`step ${id} median ms`, median(times).toFixed(1)])),
      'total median ms (aim < 300)': median(totals).toFixed(1),
      'total p90 ms': quantile(totals, 0.9).toFixed(1),
    };
  } finally {
    await target.stop();
  }
}
