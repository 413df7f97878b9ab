import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { resolveConfig } from './config.js';
import { ProgressFileError } from './errors.js';

/**
 * The learner's progress in the interactive app: one human-readable JSON file with a format version, in the user's
 * config folder. Writes are atomic (a temporary file, flushed to disk, renamed over the old one), so a crash leaves
 * either the old file or the new one. A file that does not parse, or that a newer resume-lab wrote, is moved aside
 * with a message instead of stopping the app.
 */

/** The format this build writes and reads. */
export const PROGRESS_FORMAT_VERSION = 1;

/** The file's name in its folder. */
export const PROGRESS_FILE_NAME = 'progress.json';

/** One step as the learner left it. */
export interface StepProgress {
  /** The learner's snippet as last run or left. */
  readonly code: string;
  /** Whether that code's last run passed every check. */
  readonly passed: boolean;
  /** How many hints the learner asked for. */
  readonly hintsShown: number;
  /** Whether the learner asked for the reference solution before passing. */
  readonly solutionShown: boolean;
}

/** One lesson as the learner left it. */
export interface LessonProgress {
  /** The id of the step the learner was on. */
  readonly currentStep: string;
  /** Steps the learner touched, by id. */
  readonly steps: Readonly<Record<string, StepProgress>>;
}

/** The whole file. */
export interface ProgressDocument {
  readonly formatVersion: number;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

/** What the platform is, for choosing the folder (tests pass their own). */
export interface PlatformInfo {
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The folder of the progress file: RESUME_LAB_HOME when set; else the platform's config folder: XDG_CONFIG_HOME (or
 * ~/.config) on Linux and other Unix systems, ~/Library/Application Support on macOS, %APPDATA% on Windows.
 */
export function progressDir(info: PlatformInfo = { platform: process.platform, homedir: homedir() }): string {
  const home = resolveConfig('home', {}, info.env);
  if (home !== undefined) return home;
  switch (info.platform) {
    case 'darwin':
      return join(info.homedir, 'Library', 'Application Support', 'resume-lab');
    case 'win32':
      return win32.join(resolveConfig('appData', {}, info.env) ?? win32.join(info.homedir, 'AppData', 'Roaming'), 'resume-lab');
    default: {
      // The XDG spec ignores a relative XDG_CONFIG_HOME.
      const xdg = resolveConfig('xdgConfigHome', {}, info.env);
      return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(info.homedir, '.config'), 'resume-lab');
    }
  }
}

/** The progress file's path on this machine. */
export function progressPath(info?: PlatformInfo): string {
  const path = (info?.platform ?? process.platform) === 'win32' ? win32 : posix;
  return path.join(progressDir(info), PROGRESS_FILE_NAME);
}

/** Reads and writes the progress file. One instance per process; nothing else writes the file. */
export class ProgressStore {
  /** Set when the file could not be used and was moved aside: what happened, for the learner. */
  readonly notice: string | undefined;
  #document: ProgressDocument;

  private constructor(
    readonly file: string,
    document: ProgressDocument,
    notice: string | undefined,
  ) {
    this.#document = document;
    this.notice = notice;
  }

  /**
   * Loads the file (none yet is an empty progress). A corrupt or newer-format file is renamed to
   * `<file>.corrupt-<timestamp>` and the store starts empty, with `notice` saying so. Throws ProgressFileError when
   * the file exists but cannot be read, or cannot be moved aside.
   */
  static open(file: string = progressPath(), now: () => Date = () => new Date()): ProgressStore {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new ProgressStore(file, emptyDocument(), undefined);
      throw new ProgressFileError(file, 'read', code ?? String(err));
    }
    const parsed = parseProgress(text);
    if (parsed.ok) return new ProgressStore(file, parsed.document, undefined);
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(file, aside);
    } catch (err) {
      throw new ProgressFileError(file, 'move aside', (err as NodeJS.ErrnoException).code ?? String(err));
    }
    const notice = parsed.newer
      ? `${file} was written by a newer resume-lab (progress format ${parsed.version}; this one reads format ${PROGRESS_FORMAT_VERSION}). It was moved to ${aside} and progress starts afresh; update resume-lab to continue from it.`
      : `${file} could not be read (${parsed.problem}). It was moved to ${aside} and progress starts afresh.`;
    return new ProgressStore(file, emptyDocument(), notice);
  }

  /** A lesson's saved progress, if the learner started it. */
  lesson(id: string): LessonProgress | undefined {
    return this.#document.lessons[id];
  }

  /** The ids of the lessons with saved progress, in the file's order. */
  lessonIds(): string[] {
    return Object.keys(this.#document.lessons);
  }

  /** Replaces a lesson's progress and writes the file atomically; throws ProgressFileError when it cannot. */
  saveLesson(id: string, progress: LessonProgress): void {
    const document: ProgressDocument = { formatVersion: PROGRESS_FORMAT_VERSION, lessons: { ...this.#document.lessons, [id]: progress } };
    writeAtomically(this.file, `${JSON.stringify(document, null, 2)}\n`);
    this.#document = document;
  }
}

function emptyDocument(): ProgressDocument {
  return { formatVersion: PROGRESS_FORMAT_VERSION, lessons: {} };
}

/** The outcome of reading the file's text. */
type Parsed =
  | { readonly ok: true; readonly document: ProgressDocument }
  | { readonly ok: false; readonly newer: true; readonly version: number }
  | { readonly ok: false; readonly newer: false; readonly problem: string };

/** Parses and validates the file's text; anything off is a problem in words. */
function parseProgress(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, newer: false, problem: `it is not valid JSON: ${(err as Error).message}` };
  }
  if (!isRecord(value)) return { ok: false, newer: false, problem: 'it is not a JSON object' };
  const version = value.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, newer: false, problem: 'it has no formatVersion' };
  }
  if (version > PROGRESS_FORMAT_VERSION) return { ok: false, newer: true, version };
  if (!isRecord(value.lessons)) return { ok: false, newer: false, problem: '"lessons" is not an object' };
  for (const [id, lesson] of Object.entries(value.lessons)) {
    const problem = lessonProblem(lesson);
    if (problem !== undefined) return { ok: false, newer: false, problem: `lesson "${id}": ${problem}` };
  }
  return { ok: true, document: { formatVersion: version, lessons: value.lessons as Record<string, LessonProgress> } };
}

function lessonProblem(lesson: unknown): string | undefined {
  if (!isRecord(lesson)) return 'not an object';
  if (typeof lesson.currentStep !== 'string') return '"currentStep" is not a step id';
  if (!isRecord(lesson.steps)) return '"steps" is not an object';
  for (const [id, step] of Object.entries(lesson.steps)) {
    const ok =
      isRecord(step) &&
      typeof step.code === 'string' &&
      typeof step.passed === 'boolean' &&
      typeof step.solutionShown === 'boolean' &&
      typeof step.hintsShown === 'number' &&
      Number.isInteger(step.hintsShown) &&
      step.hintsShown >= 0;
    if (!ok) return `step "${id}" needs code (text), passed (true or false), hintsShown (a count) and solutionShown (true or false)`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes `text` to `file` so that a crash at any moment leaves the old file or the new one, never a mix: the text
 * goes to a temporary file in the same folder, is flushed to disk, and is renamed over the old file.
 */
function writeAtomically(file: string, text: string): void {
  const dir = dirname(file);
  const temporary = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      // It was never created, or the rename already consumed it.
    }
    throw new ProgressFileError(file, 'write', (err as NodeJS.ErrnoException).code ?? String(err));
  }
  syncFolder(dir);
}

/** Flushes the folder entry too, so the rename itself survives a power cut; Windows cannot open folders, and needs not. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the data is already safe in the file.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
