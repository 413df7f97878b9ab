import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuplicateLessonError, LessonFormatError, LessonNotFoundError, LessonsDirNotFoundError } from '../core/errors.js';
import { parseLessonMarkdown } from './parse-lesson-md.js';
import type { Lesson, LessonFiles } from './schema.js';

/**
 * Finds lesson folders and loads them: the lessons shipped in the package's `lessons/` folder, plus the folders an
 * instructor adds with `--lessons-dir DIR`.
 */

/** The package's own lessons: `lessons/` at the package root, two levels above this file in src/ and in dist/. */
export const BUILT_IN_LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** The file that makes a folder a lesson. */
const LESSON_MD = 'lesson.md';
/** The names a checks module may have; exactly one must exist. */
const CHECKS_FILES = ['checks.ts', 'checks.js'] as const;
const SOLUTION = 'solution.js';
/** Folders of extra submissions, each file a `.js` submission. */
const SUBMISSION_DIRS = ['mutants', 'alternatives'] as const;

/** A lesson folder as found on disk: the lesson when it loads, else what is wrong with it. */
export interface LessonFolder {
  readonly dir: string;
  readonly lesson?: Lesson;
  /** Every problem found, in lesson.md line order, then the folder's files. */
  readonly problems: readonly LessonFormatError[];
}

/**
 * Reads one lesson folder without throwing, so the linter can report every problem at once. `strict` adds the
 * linter's rules: no files other than the lesson's own, and at least one mutant.
 */
export async function inspectLessonFolder(dir: string, options: { strict?: boolean } = {}): Promise<LessonFolder> {
  dir = resolve(dir);
  const problems: LessonFormatError[] = [];
  const markdown = join(dir, LESSON_MD);
  let text: string;
  try {
    text = await readFile(markdown, 'utf8');
  } catch {
    problems.push(new LessonFormatError(markdown, undefined, undefined, 'no lesson.md in the lesson folder', 'create lesson.md with the front matter and one section per step (docs/authoring-lessons.md)'));
    return { dir, problems };
  }
  const parsed = parseLessonMarkdown(text, markdown);
  if (!parsed.ok) problems.push(...parsed.problems);
  else if (parsed.lesson.id !== basename(dir)) {
    problems.push(new LessonFormatError(markdown, 2, 'id', `the id "${parsed.lesson.id}" differs from the folder name "${basename(dir)}"`, 'make the folder name and the id the same'));
  }
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const names = entries.map((e) => e.name);
  const checks = CHECKS_FILES.filter((name) => names.includes(name));
  if (checks.length !== 1) {
    const problem = checks.length === 0 ? 'no checks module' : 'both checks.ts and checks.js';
    problems.push(new LessonFormatError(join(dir, 'checks.ts'), undefined, undefined, problem, 'keep exactly one checks module, checks.ts or checks.js, exporting `checks` (docs/authoring-lessons.md)'));
  }
  if (!names.includes(SOLUTION)) {
    problems.push(new LessonFormatError(join(dir, SOLUTION), undefined, undefined, 'no reference solution', 'write solution.js: the code of every step, each after its `// @step <id>` marker'));
  }
  const lists: Record<(typeof SUBMISSION_DIRS)[number], string[]> = { mutants: [], alternatives: [] };
  for (const sub of SUBMISSION_DIRS) {
    if (!names.includes(sub)) continue;
    const files = (await readdir(join(dir, sub))).filter((name) => !name.startsWith('.')).sort();
    for (const name of files) {
      if (name.endsWith('.js')) lists[sub].push(join(dir, sub, name));
      else if (options.strict) problems.push(strayFile(join(dir, sub, name), `only .js submissions belong in ${sub}/`));
    }
  }
  if (options.strict) {
    const known = new Set<string>([LESSON_MD, ...CHECKS_FILES, SOLUTION, ...SUBMISSION_DIRS]);
    for (const name of names) if (!known.has(name)) problems.push(strayFile(join(dir, name), 'a lesson folder holds only lesson.md, the checks module, solution.js, mutants/ and alternatives/'));
    if (lists.mutants.length === 0) {
      problems.push(new LessonFormatError(join(dir, 'mutants'), undefined, undefined, 'no mutants', 'add mutants/<name>.js: a wrong submission whose first line is `// @fails-at <step-id>`, so the linter proves that the checks catch it'));
    }
  }
  if (!parsed.ok || problems.length > 0) return { dir, problems };
  const files: LessonFiles = {
    dir,
    markdown,
    checks: join(dir, checks[0]!),
    solution: join(dir, SOLUTION),
    mutants: lists.mutants,
    alternatives: lists.alternatives,
  };
  return { dir, lesson: { ...parsed.lesson, files }, problems };
}

function strayFile(file: string, why: string): LessonFormatError {
  return new LessonFormatError(file, undefined, undefined, 'unexpected file in the lesson folder', `remove it or move it elsewhere: ${why}`);
}

/** Loads one lesson folder; throws its first problem as a LessonFormatError. */
export async function loadLesson(dir: string): Promise<Lesson> {
  const folder = await inspectLessonFolder(dir);
  if (folder.lesson === undefined) throw folder.problems[0]!;
  return folder.lesson;
}

/**
 * Every lesson: the built-in ones, then those under each extra folder (a lesson folder itself, or a folder of lesson
 * folders). Two lessons with one id are a DuplicateLessonError; a malformed lesson throws its LessonFormatError.
 */
export async function loadLessons(extraDirs: readonly string[] = [], builtIn: string = BUILT_IN_LESSONS_DIR): Promise<Lesson[]> {
  const dirs = [...(await lessonDirsIn(builtIn)), ...(await Promise.all(extraDirs.map(extraLessonDirs))).flat()];
  const lessons: Lesson[] = [];
  for (const dir of dirs) {
    const lesson = await loadLesson(dir);
    const twin = lessons.find((l) => l.id === lesson.id);
    if (twin !== undefined) {
      if (twin.files.dir === lesson.files.dir) continue;
      throw new DuplicateLessonError(lesson.id, [twin.files.dir, lesson.files.dir]);
    }
    lessons.push(lesson);
  }
  return lessons;
}

/**
 * The lesson a command line names: the path of a lesson folder, or an id among loadLessons(). Unknown names are a
 * LessonNotFoundError that lists the ids there are.
 */
export async function findLesson(name: string, extraDirs: readonly string[] = [], builtIn: string = BUILT_IN_LESSONS_DIR): Promise<Lesson> {
  if (name.includes('/') || name === '.' || name === '..') {
    if (existsSync(join(name, LESSON_MD))) return loadLesson(name);
    throw new LessonNotFoundError(name, []);
  }
  const lessons = await loadLessons(extraDirs, builtIn);
  const lesson = lessons.find((l) => l.id === name);
  if (lesson === undefined) throw new LessonNotFoundError(name, lessons.map((l) => l.id));
  return lesson;
}

/** The lesson folders directly under `root`, sorted by name; none when root does not exist. */
async function lessonDirsIn(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(join(root, e.name, LESSON_MD)))
    .map((e) => resolve(root, e.name))
    .sort();
}

/** An instructor's `--lessons-dir`: itself when it is a lesson folder, else the lesson folders in it. */
async function extraLessonDirs(dir: string): Promise<string[]> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new LessonsDirNotFoundError(dir);
  if (existsSync(join(dir, LESSON_MD))) return [resolve(dir)];
  return lessonDirsIn(dir);
}
