import { relative } from 'node:path';
import { LessonFormatError, SubmissionParseError } from '../core/errors.js';
import type { LessonCheckSink } from '../core/events.js';
import { inspectLessonFolder } from '../lessons/loader.js';
import type { Lesson } from '../lessons/schema.js';
import { readSubmission, type Submission } from '../lessons/submission.js';
import type { RunningTarget } from '../targets/target.js';
import { Grader } from './grader.js';
import type { StepReport, SubmissionReport } from './report.js';

/**
 * `resume-lab lesson check`: proves that a lesson is sound (STYLE rule 14). The folder and lesson.md are valid, the
 * reference solution and every alternative pass every step, every starter fails its own step, and every mutant
 * passes the steps before the one it declares and fails that one.
 */

/** One finding; the check passes when every item is ok. */
export interface LessonCheckItem {
  /** What was checked, relative to the lesson folder: `lesson.md:12`, `solution.js`, `starters`, `mutants/x.js`. */
  readonly subject: string;
  readonly ok: boolean;
  /** What holds, or what is wrong. */
  readonly message: string;
  /** How to fix it (failures only). */
  readonly hint?: string;
}

/** How a lesson is checked. */
export interface LessonCheckOptions {
  /** Started by the caller, so one target serves every grading run of the check. */
  readonly target: RunningTarget;
  readonly seed?: number;
  readonly timeoutMs?: number;
  /** Receives each item as soon as it is known. */
  readonly emit?: LessonCheckSink;
}

/** A known-wrong submission and the step where it must fail. */
interface Mutant {
  readonly subject: string;
  readonly submission: Submission;
  readonly failsAt: string;
  readonly why: string;
}

/** Checks the lesson folder `dir`; resolves with every item, in the order they were found. */
export async function checkLesson(dir: string, options: LessonCheckOptions): Promise<{ ok: boolean; items: LessonCheckItem[] }> {
  const items: LessonCheckItem[] = [];
  const add = (item: LessonCheckItem) => {
    items.push(item);
    options.emit?.({ type: 'lesson-check-item', item });
  };
  const folder = await inspectLessonFolder(dir, { strict: true });
  for (const problem of folder.problems) add(problemItem(folder.dir, problem));
  const lesson = folder.lesson;
  if (lesson === undefined) return { ok: false, items };
  add({ subject: 'lesson.md', ok: true, message: `"${lesson.title}": ${lesson.steps.length} steps, each with instructions, hints and a starter with a TODO` });

  const stepIds = lesson.steps.map((s) => s.id);
  const mutants: Mutant[] = [];
  for (const file of lesson.files.mutants) {
    const mutant = await readMutant(lesson, file, stepIds).catch((err: unknown) => problemItem(lesson.files.dir, err));
    if ('ok' in mutant) add(mutant);
    else mutants.push(mutant);
  }
  const alternatives: Submission[] = [];
  for (const file of lesson.files.alternatives) {
    const parsed = await readSubmission(file, stepIds).catch((err: unknown) => problemItem(lesson.files.dir, err));
    if ('ok' in parsed) add(parsed);
    else alternatives.push(parsed);
  }

  let grader: Grader;
  try {
    grader = await Grader.start({ lesson, target: options.target, seed: options.seed, timeoutMs: options.timeoutMs });
  } catch (err) {
    if (!(err instanceof LessonFormatError)) throw err;
    add(problemItem(lesson.files.dir, err));
    return { ok: false, items };
  }
  try {
    await checkSolution(grader, lesson, add);
    await checkStarters(grader, lesson, add);
    for (const mutant of mutants) await checkMutant(grader, lesson, mutant, add);
    for (const alternative of alternatives) await checkAlternative(grader, lesson, alternative, add);
  } finally {
    await grader.close();
  }
  return { ok: items.every((i) => i.ok), items };
}

/** The reference solution must pass every step. */
async function checkSolution(grader: Grader, lesson: Lesson, add: (item: LessonCheckItem) => void): Promise<void> {
  const solution = await readSubmission(lesson.files.solution, lesson.steps.map((s) => s.id));
  const report = await grader.grade(solution);
  const failed = report.steps.filter((s) => s.status !== 'pass');
  if (failed.length === 0) add({ subject: 'solution.js', ok: true, message: `passes all ${report.maxScore} steps` });
  for (const step of failed) {
    add({ subject: 'solution.js', ok: false, message: `fails step "${step.id}": ${whyNotPassed(step)}`, hint: `correct the solution's code for "${step.id}", or the checks of "${step.id}" if they reject correct code` });
  }
}

/** Every starter must fail its own step (earlier steps are the reference solution's, as for any failed step). */
async function checkStarters(grader: Grader, lesson: Lesson, add: (item: LessonCheckItem) => void): Promise<void> {
  const starters: Submission = {
    file: lesson.files.markdown,
    steps: lesson.steps.map((s) => ({ id: s.id, code: s.starter, markerLine: s.line })),
    directives: new Map(),
  };
  const report = await grader.grade(starters);
  const solved = report.steps.filter((s) => s.status === 'pass');
  if (solved.length === 0) add({ subject: 'starters', ok: true, message: `each of the ${report.maxScore} starters fails its step` });
  for (const step of solved) {
    const line = lesson.steps.find((s) => s.id === step.id)!.line;
    add({ subject: `lesson.md:${line}`, ok: false, message: `the starter of step "${step.id}" already passes its checks`, hint: `leave the work to the learner: the starter must not do what the step asks, or tighten the checks of "${step.id}"` });
  }
}

/** A mutant must pass the steps before the one it declares, and fail that one. */
async function checkMutant(grader: Grader, lesson: Lesson, mutant: Mutant, add: (item: LessonCheckItem) => void): Promise<void> {
  const report = await grader.grade(mutant.submission, { stopAfter: mutant.failsAt });
  const early = report.steps.find((s) => s.id !== mutant.failsAt && s.status !== 'pass');
  const declared = report.steps.find((s) => s.id === mutant.failsAt)!;
  if (early !== undefined) {
    add({
      subject: mutant.subject,
      ok: false,
      message: `fails step "${early.id}", before "${mutant.failsAt}" where it declares it fails: ${whyNotPassed(early)}`,
      hint: `make the mutant's steps before "${mutant.failsAt}" correct, or declare \`// @fails-at ${early.id}\``,
    });
  } else if (declared.status === 'pass') {
    add({
      subject: mutant.subject,
      ok: false,
      message: `passes step "${mutant.failsAt}", so its checks do not catch this mistake: ${mutant.why}`,
      hint: `make the checks of "${mutant.failsAt}" reject it, or correct the mutant's \`// @fails-at\` line`,
    });
  } else {
    add({ subject: mutant.subject, ok: true, message: `fails at "${mutant.failsAt}" as declared (${mutant.why})${passedBefore(report, lesson, mutant.failsAt)}` });
  }
}

/** Another correct solution must pass every step, like the reference. */
async function checkAlternative(grader: Grader, lesson: Lesson, alternative: Submission, add: (item: LessonCheckItem) => void): Promise<void> {
  const report = await grader.grade(alternative);
  const subject = relative(lesson.files.dir, alternative.file);
  const failed = report.steps.filter((s) => s.status !== 'pass');
  if (failed.length === 0) add({ subject, ok: true, message: `passes all ${report.maxScore} steps` });
  for (const step of failed) {
    add({ subject, ok: false, message: `fails step "${step.id}": ${whyNotPassed(step)}`, hint: `the checks of "${step.id}" reject a correct solution: loosen them, or correct the alternative` });
  }
}

/** Reads a mutant and its `// @fails-at <step>` and `// @why <mistake>` directives. */
async function readMutant(lesson: Lesson, file: string, stepIds: readonly string[]): Promise<Mutant> {
  const submission = await readSubmission(file, stepIds);
  const failsAt = submission.directives.get('fails-at');
  if (failsAt === undefined || !stepIds.includes(failsAt.value)) {
    const problem = failsAt === undefined ? 'no `// @fails-at <step-id>` line' : `\`// @fails-at ${failsAt.value}\` names no step of the lesson`;
    throw new SubmissionParseError(file, failsAt?.line ?? 1, problem, `start the file with \`// @fails-at <step-id>\`, one of ${stepIds.join(', ')}`);
  }
  const why = submission.directives.get('why');
  if (why === undefined || why.value === '') {
    throw new SubmissionParseError(file, why?.line ?? 1, 'no `// @why <mistake>` line', 'say in one line what is wrong with the mutant: `// @why resumes without resumeAfter`');
  }
  return { subject: relative(lesson.files.dir, file), submission, failsAt: failsAt.value, why: why.value };
}

/** A problem as an item whose subject is the file (and line) inside the lesson folder. */
function problemItem(dir: string, err: unknown): LessonCheckItem {
  if (!(err instanceof LessonFormatError || err instanceof SubmissionParseError)) throw err;
  const file = relative(dir, err.file) || '.';
  const subject = err.line === undefined ? file : `${file}:${err.line}`;
  const field = err instanceof LessonFormatError && err.field !== undefined ? `${err.field}: ` : '';
  return { subject, ok: false, message: `${field}${err.problem}`, hint: err.hint };
}

/** The first failing check's message, or the step's error. */
function whyNotPassed(step: StepReport): string {
  if (step.error !== undefined) return `${step.error.name}: ${step.error.message}`;
  return step.checks.find((c) => c.status === 'fail')?.message ?? 'no check result';
}

/** ", after passing a, b" for a mutant's report, or nothing when it fails at the first step. */
function passedBefore(report: SubmissionReport, lesson: Lesson, failsAt: string): string {
  const before = lesson.steps.slice(0, lesson.steps.findIndex((s) => s.id === failsAt)).map((s) => s.id);
  return before.length === 0 || report.steps.length === 0 ? '' : `, after passing ${before.join(', ')}`;
}
