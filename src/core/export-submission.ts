import type { Lesson } from '../lessons/schema.js';
import { parseSubmission } from '../lessons/submission.js';
import type { LessonProgress } from './progress-store.js';

/**
 * The learner's saved steps as a submission file for `resume-lab grade`: JavaScript with one `// @step <step-id>`
 * marker line per step, in lesson order. A step the learner never touched gets its starter code, so the file always
 * has every step and grades as it stands.
 */
export function renderSubmission(lesson: Lesson, progress: LessonProgress, file: string): string {
  const passed = lesson.steps.filter((step) => progress.steps[step.id]?.passed === true).length;
  const header = [
    `// resume-lab export of lesson "${lesson.id}" (${lesson.title}): ${passed} of ${lesson.steps.length} steps passed in the app.`,
    `// Grade it with: resume-lab grade ${lesson.id} <this file>`,
  ];
  const steps = lesson.steps.map((step) => {
    const code = (progress.steps[step.id]?.code ?? step.starter).replace(/\s+$/, '');
    return `// @step ${step.id}\n${code}`;
  });
  const text = `${[header.join('\n'), ...steps].join('\n\n')}\n`;
  // The grader must read back exactly these steps; a marker line inside the learner's code would split a step.
  parseSubmission(text, file, lesson.steps.map((step) => step.id));
  return text;
}
