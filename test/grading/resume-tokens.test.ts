import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Grader } from '../../src/grading/grader.js';
import { loadLesson } from '../../src/lessons/loader.js';
import type { Lesson } from '../../src/lessons/schema.js';
import { readSubmission } from '../../src/lessons/submission.js';
import { startTarget } from '../../src/targets/resolve-target.js';
import type { RunningTarget } from '../../src/targets/target.js';
import { RESUME_TOKENS_DIR } from '../support/lessons.js';

/**
 * The seed lesson's checks, through the grader: the reference solution passes, every mutant fails exactly where it
 * declares, and every alternative correct solution passes (lessons/resume-tokens/mutants and alternatives).
 */

const lesson: Lesson = await loadLesson(RESUME_TOKENS_DIR);
const stepIds = lesson.steps.map((s) => s.id);
let target: RunningTarget;
let grader: Grader;

beforeAll(async () => {
  target = await startTarget({ target: 'embedded' });
  grader = await Grader.start({ lesson, target });
});

afterAll(async () => {
  await grader?.close();
  await target?.stop();
});

/** "Expected ..., got .... Fix: ..." : what was expected, what happened, and what to change. */
const SAYS_EXPECTED_ACTUAL_FIX = /^.+\. Expected .+, got .+\. Fix: .+$/s;

describe('lessons/resume-tokens', () => {
  it('passes the reference solution on every step, with every check passing', async () => {
    const report = await grader.grade(await readSubmission(lesson.files.solution, stepIds));
    expect(report).toMatchObject({ status: 'pass', score: 4, maxScore: 4 });
    expect(report.steps.map((s) => [s.id, s.status, s.stoodIn])).toEqual(stepIds.map((id) => [id, 'pass', []]));
    expect(report.steps.flatMap((s) => s.checks.map((c) => c.name))).toEqual([
      'changeStream-is-stream',
      'changeStream-watches-orders',
      'changeStream-open',
      'token-starts-null',
      'listener-registered',
      'events-received',
      'token-is-latest',
      'first-stream-closed',
      'resumedChangeStream-is-stream',
      'resumedChangeStream-watches-orders',
      'resume-after-last-processed',
      'listener-registered',
      'driver-resumed',
      'outage-orders',
      'live-orders',
      'token-is-latest',
      'no-replay',
    ]);
  });

  it('has at least 8 mutants, among them the five the lesson must catch', () => {
    const names = lesson.files.mutants.map((file) => basename(file, '.js'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toEqual(expect.arrayContaining(['fresh-watch', 'full-document-id', 'first-event-only', 'never-closed', 'resumed-no-update']));
  });

  it.each(lesson.files.mutants.map((file) => [basename(file), file]))('fails mutant %s where it declares, after passing the steps before', async (_name, file) => {
    const submission = await readSubmission(file, stepIds);
    const failsAt = submission.directives.get('fails-at')!.value;
    const report = await grader.grade(submission, { stopAfter: failsAt });
    const at = stepIds.indexOf(failsAt);
    expect(report.steps.map((s) => s.status)).toEqual([...Array(at).fill('pass'), 'fail']);
    const failed = report.steps[at]!.checks.filter((c) => c.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toMatch(SAYS_EXPECTED_ACTUAL_FIX);
    expect(failed[0]).toMatchObject({ expected: expect.any(String), actual: expect.any(String) });
  });

  it.each(lesson.files.alternatives.map((file) => [basename(file), file]))('passes the alternative solution %s', async (_name, file) => {
    const report = await grader.grade(await readSubmission(file, stepIds));
    expect(report.steps.map((s) => [s.id, s.status, s.error])).toEqual(stepIds.map((id) => [id, 'pass', undefined]));
  });

  it('explains the usual wrong tokens in words, naming the orders whose events they belong to', async () => {
    const mutant = lesson.files.mutants.find((file) => file.endsWith('first-event-only.js'))!;
    const report = await grader.grade(await readSubmission(mutant, stepIds), { stopAfter: 'capture-token' });
    const failed = report.steps[1]!.checks.find((c) => c.status === 'fail')!;
    expect(failed).toMatchObject({
      name: 'token-is-latest',
      expected: expect.stringMatching(/^the resume token of order-\d{4}'s event$/),
      actual: "the resume token of order-0001's event",
    });
    expect(failed.message).toMatch(/^resumeToken still holds the first event's token/);
  });
});
