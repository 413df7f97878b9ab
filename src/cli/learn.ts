import { preferProductionBuilds, resolveConfig, type ConfigFlags } from '../core/config.js';
import { LessonNotFoundError } from '../core/errors.js';
import { nonInteractiveReason } from '../core/interactive.js';
import { findLesson, loadLessons } from '../lessons/loader.js';
import type { Lesson } from '../lessons/schema.js';
import type { TargetOptions } from '../targets/resolve-target.js';
import type { TargetKind } from '../targets/target.js';
import { renderLessonList } from '../reporters/lessons.js';
import type { CliCommand, CliIo } from './command.js';
import { LESSONS_DIR_OPTION, lessonsDirs, TARGET_OPTIONS, targetOptions } from './option-values.js';

/** Signals that end the app the way `q` does: progress saved, database stopped. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `resume-lab learn [lesson]`, also what `resume-lab` alone runs: the interactive tutorial. */
export const learn: CliCommand = {
  name: 'learn',
  synopsis: '[lesson] [--target KIND] [--lessons-dir DIR]',
  summary: 'the interactive tutorial (what `resume-lab` alone runs)',
  description: [
    'Opens the interactive tutorial in the terminal: pick a lesson (or name it), then write each step\'s snippet, run it',
    'against a live replica set, and see the checks and the change events. Progress is saved after every run (see',
    'RESUME_LAB_HOME in docs/configuration.md) and `resume-lab export` writes it as a file for `resume-lab grade`.',
    'Without a terminal (CI, TERM=dumb, or piped input or output) it prints the lessons and how to grade a file instead.',
  ].join('\n'),
  options: { ...LESSONS_DIR_OPTION, ...TARGET_OPTIONS },
  optionalArguments: ['[lesson]'],
  async run(flags, [lessonName], io) {
    const reason = nonInteractiveReason();
    if (reason !== undefined) return printInstead(flags, lessonName, reason, io);
    preferProductionBuilds();
    // Everything below loads in parallel with Ink, so that the first frame comes as early as it can.
    const [lessons, { ProgressStore }, { LearnSession }, { defaultInfrastructure }, { renderLearnApp }] = await Promise.all([
      lessonsFor(flags, lessonName),
      import('../core/progress-store.js'),
      import('../core/learn-session.js'),
      import('../core/learn-infrastructure.js'),
      import('../ui/learn-app/render-learn-app.js'),
    ]);
    if (lessons.all.length === 0) throw new LessonNotFoundError(lessonName ?? '', []);
    const store = ProgressStore.open();
    const target = learnTarget(flags);
    const session = new LearnSession({ lessons: lessons.all, store, infrastructure: defaultInfrastructure(target), targetKind: target.target });
    const initialLesson = lessons.named?.id ?? (lessons.all.length === 1 ? lessons.all[0]!.id : undefined);
    if (initialLesson !== undefined) await session.openLesson(initialLesson);
    const app = renderLearnApp({
      session,
      color: !resolveConfig('noColor', flags),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      ...(initialLesson === undefined ? {} : { initialLesson }),
    });
    // The first frame is out: now the driver, the engine and the sandbox may load.
    setImmediate(() => session.start());
    // A signal ends the app like `q`; one more while the database stops must not cut the teardown short.
    const stop = () => app.quit();
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    try {
      await app.waitUntilExit();
    } finally {
      io.stderr.write('Stopping the database…\n');
      await session.close();
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
    }
    io.stderr.write(`Your progress is saved in ${store.file}. \`resume-lab export\` writes it as a file for \`resume-lab grade\`.\n`);
    return 0;
  },
};

/**
 * The target of the app: the one chosen with --target (or RESUME_LAB_TARGET), else the URI's when one is given, else
 * the embedded engine. Unlike `auto` elsewhere, a cached mongod is not picked unasked: the app starts in an instant.
 */
function learnTarget(flags: ConfigFlags): TargetOptions & { target: TargetKind } {
  const options = targetOptions(flags);
  if (options.target !== 'auto') return { ...options, target: options.target ?? 'embedded' };
  return { ...options, target: options.uri === undefined ? 'embedded' : 'uri' };
}

/** The lessons to offer, and the one named on the command line (an id, or the path of a lesson folder). */
async function lessonsFor(flags: ConfigFlags, name: string | undefined): Promise<{ all: Lesson[]; named?: Lesson }> {
  const all = await loadLessons(lessonsDirs(flags));
  if (name === undefined) return { all };
  const named = await findLesson(name, lessonsDirs(flags));
  return { all: all.some((l) => l.id === named.id) ? all : [...all, named], named };
}

/** Without a terminal: the lessons, and how to learn, grade and export without the app. Exits 0. */
async function printInstead(flags: ConfigFlags, name: string | undefined, reason: string, io: CliIo): Promise<number> {
  const { all, named } = await lessonsFor(flags, name);
  const shown = named === undefined ? all : [named];
  const example = shown[0]?.steps.slice(0, 2) ?? [];
  io.stderr.write(`resume-lab: the interactive tutorial needs a terminal (${reason}); here is what you can do without one.\n`);
  io.stdout.write(
    [
      renderLessonList(shown, { color: false }).trimEnd(),
      '',
      'To learn interactively, run `resume-lab` (or `resume-lab learn <lesson>`) in a terminal.',
      'To grade a file of your own: resume-lab grade <lesson> <file>',
      '  The file is JavaScript with a `// @step <step-id>` line before the code of each step, in lesson order:',
      ...example.flatMap((step) => [`    // @step ${step.id}`, '    ...']),
      'To turn the code you saved in the app into such a file: resume-lab export [lesson]',
      '',
    ].join('\n'),
  );
  return 0;
}
