import { displayPath } from '../core/errors.js';
import type { Lesson } from '../lessons/schema.js';
import { style } from './style.js';

/** The version of `resume-lab lessons --json`. */
export const LESSONS_SCHEMA = 'resume-lab/lessons@1';

/** `resume-lab lessons` as text: one block per lesson with its id, title, length and steps. */
export function renderLessonList(lessons: readonly Lesson[], options: { color: boolean }): string {
  const s = style(options.color);
  if (lessons.length === 0) return 'No lessons found. Add a folder of lessons with --lessons-dir DIR.\n';
  return lessons
    .map((lesson) => {
      const steps = lesson.steps.map((step, i) => `    ${i + 1}. ${step.title} ${s.dim(`[${step.id}]`)}`);
      return [
        `${s.bold(lesson.id)}  ${lesson.title} ${s.dim(`(${lesson.steps.length} steps, about ${lesson.estimatedMinutes} min)`)}`,
        `    ${lesson.summary}`,
        ...steps,
        s.dim(`    ${displayPath(lesson.files.dir)}`),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** `resume-lab lessons --json`. */
export function renderLessonListJson(lessons: readonly Lesson[]): string {
  const document = {
    schema: LESSONS_SCHEMA,
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      estimated_minutes: lesson.estimatedMinutes,
      format_version: lesson.formatVersion,
      dir: lesson.files.dir,
      steps: lesson.steps.map((step) => ({ id: step.id, title: step.title })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
