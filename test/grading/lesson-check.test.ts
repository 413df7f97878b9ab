import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLesson, type LessonCheckItem } from '../../src/grading/lesson-check.js';
import { startTarget } from '../../src/targets/resolve-target.js';
import type { RunningTarget } from '../../src/targets/target.js';
import { copySeedLesson, RESUME_TOKENS_DIR, seedLessonFile, tempLessonsRoot } from '../support/lessons.js';

/** `lesson check`'s logic on the seed lesson and on copies of it broken one way at a time. */

let target: RunningTarget;

beforeAll(async () => {
  target = await startTarget({ target: 'embedded' });
});

afterAll(async () => {
  await target?.stop();
});

/**
 * A copy of the seed lesson with only the given mutants (name -> text) and no alternatives, so each case grades
 * little; `files` are written over the copy.
 */
function brokenCopy(mutants: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = copySeedLesson(tempLessonsRoot(), 'resume-tokens');
  rmSync(join(dir, 'mutants'), { recursive: true });
  rmSync(join(dir, 'alternatives'), { recursive: true });
  if (Object.keys(mutants).length > 0) mkdirSync(join(dir, 'mutants'));
  for (const [path, text] of Object.entries({ ...files, ...Object.fromEntries(Object.entries(mutants).map(([n, t]) => [`mutants/${n}.js`, t])) })) {
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const FRESH_WATCH = seedLessonFile('mutants/fresh-watch.js');

/** The failed items, as subject and message. */
const failures = (items: readonly LessonCheckItem[]) => items.filter((i) => !i.ok).map((i) => [i.subject, i.message]);

describe('grading/lesson-check', () => {
  it('passes the seed lesson: solution, starters, every mutant and every alternative', async () => {
    const emitted: LessonCheckItem[] = [];
    const result = await checkLesson(RESUME_TOKENS_DIR, { target, emit: (e) => emitted.push(e.item) });
    expect(failures(result.items)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(emitted).toEqual(result.items);
    const subjects = result.items.map((i) => i.subject);
    expect(subjects.slice(0, 3)).toEqual(['lesson.md', 'solution.js', 'starters']);
    expect(subjects.filter((s) => s.startsWith('mutants/')).length).toBeGreaterThanOrEqual(8);
    expect(subjects.filter((s) => s.startsWith('alternatives/')).length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [
      'a mutant that fails before the step it declares',
      { early: FRESH_WATCH.replace('// @fails-at resume', '// @fails-at keep-tracking') },
      {},
      ['mutants/early.js', expect.stringMatching(/^fails step "resume", before "keep-tracking" where it declares it fails: /)],
    ],
    [
      'a mutant the checks do not catch',
      { harmless: `// @fails-at resume\n// @why nothing is wrong with it\n${seedLessonFile('solution.js')}` },
      {},
      ['mutants/harmless.js', 'passes step "resume", so its checks do not catch this mistake: nothing is wrong with it'],
    ],
    [
      'a mutant without @fails-at',
      { silent: FRESH_WATCH.replace('// @fails-at resume\n', '') },
      {},
      ['mutants/silent.js:1', 'no `// @fails-at <step-id>` line'],
    ],
    [
      'a mutant without @why',
      { unexplained: FRESH_WATCH.replace(/\/\/ @why .*\n/, '') },
      {},
      ['mutants/unexplained.js:1', 'no `// @why <mistake>` line'],
    ],
    [
      'a starter that already passes',
      { 'fresh-watch': FRESH_WATCH },
      { 'lesson.md': seedLessonFile('lesson.md').replace('// TODO: open a change stream on db.orders\nconst changeStream = null;', '// TODO: nothing\nconst changeStream = db.orders.watch();') },
      ['lesson.md:24', 'the starter of step "open-stream" already passes its checks'],
    ],
    [
      'a solution that fails a step',
      { 'fresh-watch': FRESH_WATCH },
      { 'solution.js': seedLessonFile('solution.js').replace('changeStream.close();', '') },
      ['solution.js', expect.stringMatching(/^fails step "resume": changeStream is still open\./)],
    ],
    [
      'checks that miss a step',
      { 'fresh-watch': FRESH_WATCH },
      { 'checks.js': seedLessonFile('checks.js').replace("  'keep-tracking': {", "  'keep-trackin': {") },
      ['checks.js', 'checks: no checks for step "keep-tracking"'],
    ],
    [
      'a malformed lesson.md',
      {},
      { 'lesson.md': seedLessonFile('lesson.md').replace('formatVersion: 1', 'formatVersion: 3') },
      ['lesson.md:8', 'formatVersion: the lesson is written for format 3, and this resume-lab reads format 1'],
    ],
  ])('reports %s, naming the file and the fix', async (_name, mutants, files, expected) => {
    const result = await checkLesson(brokenCopy(mutants, files), { target });
    expect(result.ok).toBe(false);
    expect(failures(result.items)).toContainEqual(expected);
    for (const item of result.items.filter((i) => !i.ok)) expect(item.hint).toMatch(/\S/);
  });

  it('stops at the folder problems of a malformed lesson, before grading anything', async () => {
    const dir = brokenCopy({}, { 'notes.txt': 'x', 'lesson.md': readFileSync(join(RESUME_TOKENS_DIR, 'lesson.md'), 'utf8').replace('### Hints', '### Hint') });
    const result = await checkLesson(dir, { target });
    expect(result.items.map((i) => [i.subject, i.ok, i.message])).toEqual([
      ['lesson.md:24', false, 'step "open-stream" hints: the step has no `### Hints` section'],
      ['notes.txt', false, 'unexpected file in the lesson folder'],
      ['mutants', false, 'no mutants'],
    ]);
  });
});
