import { statSync } from 'node:fs';
import { displayPath, LessonNotFoundError } from '../core/errors.js';
import type { CliCommand } from './command.js';
import { GRADING_OPTIONS, gradingFlags, TARGET_OPTIONS, targetOptions } from './option-values.js';
import { reportOutput } from './output.js';

/** `resume-lab lesson check <dir>`: the instructor's linter. */
export const lessonCheck: CliCommand = {
  name: 'lesson check',
  synopsis: '<dir>',
  summary: 'prove a lesson sound: solution passes, starters fail, mutants fail where declared',
  description: [
    'Checks the lesson folder <dir>: lesson.md and the folder are well-formed, the reference solution and every',
    'alternatives/*.js pass every step, every starter fails its own step, and every mutants/*.js passes the steps',
    'before the one its `// @fails-at` line names and fails that one. Each problem names the file, the line or the',
    'step, and the fix. Exit codes: 0 the lesson is sound, 1 it is not, 2 no such folder, 3 the target could not start.',
  ].join('\n'),
  options: { ...GRADING_OPTIONS, ...TARGET_OPTIONS },
  arguments: ['<dir>'],
  async run(flags, [dir], io) {
    const { seed, timeoutMs } = gradingFlags(flags);
    // A folder that is not there is a usage error (exit 2), found before a target starts.
    if (statSync(dir!, { throwIfNoEntry: false })?.isDirectory() !== true) throw new LessonNotFoundError(dir!.includes('/') ? dir! : `./${dir}`, []);
    const [{ startTarget }, { checkLesson }, { lessonCheckRenderer, renderLessonCheckVerdict }] = await Promise.all([
      import('../targets/resolve-target.js'),
      import('../grading/lesson-check.js'),
      import('../reporters/lesson-check.js'),
    ]);
    const output = reportOutput(undefined, io.stdout, flags);
    const emit = lessonCheckRenderer(output.write, { color: output.color });
    const target = await startTarget(targetOptions(flags));
    try {
      const result = await checkLesson(dir!, { target, seed, timeoutMs, emit });
      output.write(renderLessonCheckVerdict(displayPath(dir!), result.items, { color: output.color }));
      return result.ok ? 0 : 1;
    } finally {
      await target.stop();
    }
  },
};
