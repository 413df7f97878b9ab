import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuplicateLessonError, LessonFormatError, LessonNotFoundError, LessonsDirNotFoundError } from '../../src/core/errors.js';
import { findLesson, inspectLessonFolder, loadLesson, loadLessons } from '../../src/lessons/loader.js';
import { copySeedLesson, RESUME_TOKENS_DIR, tempLessonsRoot } from '../support/lessons.js';

describe('lessons/loader', () => {
  it('loads the built-in seed lesson with its files', async () => {
    const lessons = await loadLessons();
    const lesson = lessons.find((l) => l.id === 'resume-tokens')!;
    expect(lesson.steps.map((s) => s.id)).toEqual(['open-stream', 'capture-token', 'resume', 'keep-tracking']);
    expect(lesson.files).toMatchObject({
      checks: join(RESUME_TOKENS_DIR, 'checks.js'),
      solution: join(RESUME_TOKENS_DIR, 'solution.js'),
    });
    expect(lesson.files.mutants.length).toBeGreaterThanOrEqual(8);
    expect(lesson.files.alternatives.length).toBeGreaterThanOrEqual(6);
  });

  it('adds an instructor folder of lessons, or a single lesson folder, with --lessons-dir', async () => {
    const root = tempLessonsRoot();
    copySeedLesson(root, 'extra-one');
    const single = copySeedLesson(tempLessonsRoot(), 'extra-two');
    const ids = (await loadLessons([root, single])).map((l) => l.id);
    expect(ids).toEqual(['resume-tokens', 'extra-one', 'extra-two']);
  });

  it('refuses two lessons with one id, naming both folders', async () => {
    const root = tempLessonsRoot();
    const twin = copySeedLesson(root);
    const error = await loadLessons([root]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DuplicateLessonError);
    expect(error).toMatchObject({ id: 'resume-tokens', dirs: [RESUME_TOKENS_DIR.replace(/\/$/, ''), twin] });
  });

  it('finds a lesson by id or by folder, and lists the ids when there is no such lesson', async () => {
    expect((await findLesson('resume-tokens')).id).toBe('resume-tokens');
    const dir = copySeedLesson(tempLessonsRoot(), 'by-path');
    expect((await findLesson(dir)).id).toBe('by-path');
    await expect(findLesson('resume-token')).rejects.toEqual(new LessonNotFoundError('resume-token', ['resume-tokens']));
    await expect(findLesson('./no/such/folder')).rejects.toBeInstanceOf(LessonNotFoundError);
    await expect(loadLessons(['/no/such/folder'])).rejects.toBeInstanceOf(LessonsDirNotFoundError);
  });

  it('throws the first problem of a malformed lesson with its file and line', async () => {
    const dir = copySeedLesson(tempLessonsRoot(), 'broken');
    const markdown = join(dir, 'lesson.md');
    writeFileSync(markdown, readFileSync(markdown, 'utf8').replace('estimatedMinutes: 20', 'estimatedMinutes: soon'));
    const error = await loadLesson(dir).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(LessonFormatError);
    expect(error).toMatchObject({ file: markdown, line: 7, field: 'estimatedMinutes' });
  });

  it.each([
    ['a stray file', { 'notes.txt': 'x' }, [], 'notes.txt', 'unexpected file in the lesson folder'],
    ['a stray file among the mutants', { 'mutants/README.md': 'x' }, [], 'mutants/README.md', 'unexpected file in the lesson folder'],
    ['both kinds of checks module', { 'checks.ts': 'export {}' }, [], 'checks.ts', 'both checks.ts and checks.js'],
    ['no checks module', {}, ['checks.js'], 'checks.ts', 'no checks module'],
    ['no reference solution', {}, ['solution.js'], 'solution.js', 'no reference solution'],
    ['no mutants', {}, ['mutants'], 'mutants', 'no mutants'],
  ])('reports %s in strict mode, with the file', async (_name, files, removed, file, problem) => {
    const dir = copySeedLesson(tempLessonsRoot(), 'strict', files);
    for (const path of removed) rmSync(join(dir, path), { recursive: true });
    const folder = await inspectLessonFolder(dir, { strict: true });
    expect(folder.lesson).toBeUndefined();
    expect(folder.problems.map((p) => [p.file, p.problem])).toContainEqual([join(dir, file), problem]);
  });

  it('requires the folder name to be the lesson id', async () => {
    const dir = copySeedLesson(tempLessonsRoot(), 'right-name');
    const renamed = join(dir, '..', 'wrong-name');
    renameSync(dir, renamed);
    const folder = await inspectLessonFolder(renamed);
    expect(folder.problems.map((p) => p.message)).toEqual([`${join(renamed, 'lesson.md')}:2: id: the id "right-name" differs from the folder name "wrong-name"`]);
  });
});
