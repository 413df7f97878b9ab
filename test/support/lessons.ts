import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed lesson's folder in this repository. */
export const RESUME_TOKENS_DIR = fileURLToPath(new URL('../../lessons/resume-tokens/', import.meta.url));

/** A fresh temporary folder for lesson folders. */
export function tempLessonsRoot(): string {
  return mkdtempSync(join(tmpdir(), 'resume-lab-lessons-'));
}

/**
 * A copy of the seed lesson under `root`, named `id` (folder and front matter), with `files` written over it
 * (paths relative to the lesson folder). Returns the copy's folder.
 */
export function copySeedLesson(root: string, id = 'resume-tokens', files: Record<string, string> = {}): string {
  const dir = join(root, id);
  cpSync(RESUME_TOKENS_DIR, dir, { recursive: true });
  const markdown = join(dir, 'lesson.md');
  writeFileSync(markdown, readFileSync(markdown, 'utf8').replace(/^id: .*$/m, `id: ${id}`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A file of the seed lesson, as text. */
export function seedLessonFile(path: string): string {
  return readFileSync(join(RESUME_TOKENS_DIR, path), 'utf8');
}
