import { findLesson } from '../lessons/loader.js';
import { readSubmission } from '../lessons/submission.js';
import type { CliCommand } from './command.js';
import { choiceFlag, GRADING_OPTIONS, gradingFlags, LESSONS_DIR_OPTION, lessonsDirs, stringFlag, TARGET_OPTIONS, targetOptions } from './option-values.js';
import { reportOutput } from './output.js';
import { packageVersion } from './version.js';

/** The report formats of `grade` (junit, tap and github come with the batch grader). */
const FORMATS = ['pretty', 'json'] as const;

/** `resume-lab grade <lesson> <file>`: grades one submission file end to end. */
export const grade: CliCommand = {
  name: 'grade',
  synopsis: '<lesson> <file> [--format pretty|json] [--output FILE]',
  summary: 'grade a submission file against a lesson',
  description: [
    'Grades a submission: JavaScript with one `// @step <step-id>` line before the code of each step, in lesson order.',
    '<lesson> is a lesson id (see `resume-lab lessons`) or the path of a lesson folder.',
    'The code runs in a separate, restricted process against a fresh database on the target. When a step fails, later',
    "steps are still graded: the lesson's reference solution stands in for the failed step, and the report says so.",
    'Exit codes: 0 every step passed, 1 some step failed, 2 unknown lesson or malformed file, 3 the target or the sandbox',
    'could not start.',
  ].join('\n'),
  options: {
    format: { type: 'string', valueName: 'FORMAT', help: `report format: ${FORMATS.join(' or ')} (default pretty)` },
    output: { type: 'string', valueName: 'FILE', help: 'write the report to FILE instead of stdout' },
    ...GRADING_OPTIONS,
    ...LESSONS_DIR_OPTION,
    ...TARGET_OPTIONS,
  },
  arguments: ['<lesson>', '<file>'],
  async run(flags, [lessonName, file], io) {
    const format = choiceFlag(flags, 'format', FORMATS) ?? 'pretty';
    const { seed, timeoutMs } = gradingFlags(flags);
    const outputFile = stringFlag(flags, 'output');
    // Input errors (exit 2) are found before anything starts, so they never wait on a target.
    const lesson = await findLesson(lessonName!, lessonsDirs(flags));
    const submission = await readSubmission(file!, lesson.steps.map((s) => s.id));
    // Loaded here, not at the top: --help and usage errors must not load the driver, the engine or the sandbox.
    const [{ startTarget }, { runGrading }, { gradeExitCode }, { jsonGradeRenderer }, { prettyGradeRenderer }] = await Promise.all([
      import('../targets/resolve-target.js'),
      import('../grading/grade-run.js'),
      import('../grading/report.js'),
      import('../reporters/json.js'),
      import('../reporters/pretty.js'),
    ]);
    const target = await startTarget(targetOptions(flags));
    try {
      const output = reportOutput(outputFile, io.stdout, flags);
      const emit = format === 'json' ? jsonGradeRenderer(output.write) : prettyGradeRenderer(output.write, { color: output.color });
      const report = await runGrading({ lesson, target, submissions: [submission], seed, timeoutMs, toolVersion: packageVersion(), emit });
      output.close();
      if (outputFile !== undefined) io.stderr.write(`Report written to ${outputFile}.\n`);
      return gradeExitCode(report);
    } finally {
      await target.stop();
    }
  },
};
