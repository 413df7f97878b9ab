import type { LessonCheckSink } from '../core/events.js';
import type { LessonCheckItem } from '../grading/lesson-check.js';
import { style } from './style.js';

/** The text of `resume-lab lesson check`: one line per finding as it comes, with the fix under each failure. */
export function lessonCheckRenderer(write: (text: string) => void, options: { color: boolean }): LessonCheckSink {
  const s = style(options.color);
  return ({ item }) => {
    const mark = item.ok ? s.green('✓') : s.red('✗');
    const fix = item.ok || item.hint === undefined ? '' : `\n    ${s.yellow('fix:')} ${item.hint}`;
    write(`${mark} ${s.bold(item.subject)}: ${item.message}${fix}\n`);
  };
}

/** The last line of `resume-lab lesson check`. */
export function renderLessonCheckVerdict(lessonDir: string, items: readonly LessonCheckItem[], options: { color: boolean }): string {
  const s = style(options.color);
  const failed = items.filter((i) => !i.ok).length;
  return failed === 0
    ? `${s.green('lesson check passed')}: ${lessonDir} (${items.length} checks)\n`
    : `${s.red('lesson check failed')}: ${lessonDir}, ${failed} of ${items.length} checks failed\n`;
}
