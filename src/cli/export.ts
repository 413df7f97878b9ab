import { writeFileSync } from 'node:fs';
import { ExportWriteError, MissingArgumentError, NoSavedProgressError } from '../core/errors.js';
import { renderSubmission } from '../core/export-submission.js';
import { ProgressStore } from '../core/progress-store.js';
import { findLesson, loadLessons } from '../lessons/loader.js';
import type { CliCommand } from './command.js';
import { LESSONS_DIR_OPTION, lessonsDirs, stringFlag } from './option-values.js';

/** `resume-lab export [lesson]`: the code saved in the interactive app, as a submission file for `resume-lab grade`. */
export const exportCommand: CliCommand = {
  name: 'export',
  synopsis: '[lesson] [--output FILE]',
  summary: 'write the code you saved in the app as a submission file',
  description: [
    'Writes the code of every step you saved in the interactive app as a submission file: JavaScript with one',
    '`// @step <step-id>` line before each step, in lesson order, which `resume-lab grade <lesson> <file>` reads. A step',
    'you never edited gets its starter code. [lesson] may be left out when you have worked on one lesson only.',
    'The file is ./<lesson>.js unless --output names another; --output - writes to stdout.',
  ].join('\n'),
  options: {
    output: { type: 'string', valueName: 'FILE', help: 'where to write the file (default ./<lesson>.js; - for stdout)' },
    ...LESSONS_DIR_OPTION,
  },
  optionalArguments: ['[lesson]'],
  async run(flags, [lessonName], io) {
    const store = ProgressStore.open();
    if (store.notice !== undefined) io.stderr.write(`${store.notice}\n`);
    const lesson = await findLesson(lessonName ?? (await soleLesson(store, lessonsDirs(flags))), lessonsDirs(flags));
    const progress = store.lesson(lesson.id);
    if (progress === undefined) throw new NoSavedProgressError(lesson.id, store.file, store.lessonIds());
    const output = stringFlag(flags, 'output') ?? `${lesson.id}.js`;
    const text = renderSubmission(lesson, progress, output);
    if (output === '-') {
      io.stdout.write(text);
      return 0;
    }
    try {
      writeFileSync(output, text);
    } catch (err) {
      throw new ExportWriteError(output, (err as NodeJS.ErrnoException).code ?? String(err));
    }
    const passed = lesson.steps.filter((step) => progress.steps[step.id]?.passed === true).length;
    io.stderr.write(
      `Wrote ${output}: ${lesson.steps.length} steps, ${passed} passed in the app.\nGrade it with: resume-lab grade ${lesson.id} ${output}\n`,
    );
    return 0;
  },
};

/** The lesson meant when none is named: the only one with saved progress, else the only one there is. */
async function soleLesson(store: ProgressStore, extraDirs: readonly string[]): Promise<string> {
  const started = store.lessonIds();
  if (started.length === 1) return started[0]!;
  if (started.length === 0) {
    const lessons = await loadLessons(extraDirs);
    if (lessons.length === 1) return lessons[0]!.id;
  }
  throw new MissingArgumentError('[lesson]', 'export');
}
