import { loadLessons } from '../lessons/loader.js';
import { renderLessonList, renderLessonListJson } from '../reporters/lessons.js';
import type { CliCommand } from './command.js';
import { LESSONS_DIR_OPTION, lessonsDirs } from './option-values.js';
import { reportOutput } from './output.js';

/** `resume-lab lessons`: the lessons there are, built-in and from --lessons-dir. */
export const lessons: CliCommand = {
  name: 'lessons',
  synopsis: '[--json] [--lessons-dir DIR]',
  summary: 'list the lessons: id, title, steps',
  description: [
    "Lists the lessons shipped with resume-lab and those in --lessons-dir, with each lesson's id, title and steps.",
    'With --json, prints a JSON document ("schema": "resume-lab/lessons@1") instead. Two lessons with one id are an error.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', help: 'print JSON instead of text' },
    ...LESSONS_DIR_OPTION,
  },
  async run(flags, _positionals, io) {
    const found = await loadLessons(lessonsDirs(flags));
    const output = reportOutput(undefined, io.stdout, flags);
    output.write(flags.json === true ? renderLessonListJson(found) : renderLessonList(found, { color: output.color }));
    return 0;
  },
};
