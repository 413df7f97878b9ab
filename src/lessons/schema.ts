/**
 * The typed definition of a lesson: what `lesson.md` and the files next to it become once they are parsed and
 * validated (docs/authoring-lessons.md). Everything else (the app, the grader, `resume-lab lesson check`) reads
 * lessons only through these types.
 */

/**
 * The lesson format this build of resume-lab reads. A lesson declares the version it was written for in its front
 * matter; any other version is refused with a message that says whether to update resume-lab or migrate the lesson.
 */
export const LESSON_FORMAT_VERSION = 1;

/** One lesson, in learning order of its steps. */
export interface Lesson {
  /** Stable identifier (kebab-case), equal to the lesson folder's name; `resume-lab grade <id>` uses it. */
  readonly id: string;
  /** Short title for lesson lists and headings. */
  readonly title: string;
  /** One or two sentences on what the learner will be able to do afterwards. */
  readonly summary: string;
  /** The database the learner's `db` points at (grading gives each submission its own copy with a suffix). */
  readonly database: string;
  /** The collection the lesson's checks work on, e.g. `orders`. */
  readonly collection: string;
  /** How long the lesson takes a learner, in whole minutes, as shown in the lesson list. */
  readonly estimatedMinutes: number;
  /** The lesson format the lesson was written for; always LESSON_FORMAT_VERSION once validated. */
  readonly formatVersion: number;
  /** Markdown shown before the first step. */
  readonly introduction: string;
  /** The steps, in the order the learner does them and the grader grades them. */
  readonly steps: readonly LessonStep[];
  /** Where the lesson's files are. */
  readonly files: LessonFiles;
}

/** One step of a lesson: a snippet the learner writes and the checks that grade it. */
export interface LessonStep {
  /** Stable identifier (kebab-case), unique in the lesson; submissions name it in `// @step <id>`. */
  readonly id: string;
  /** Short title, shown with the step number. */
  readonly title: string;
  /** Markdown that tells the learner what to write. */
  readonly instructions: string;
  /** Progressive hints: the first one nudges, the last one nearly gives the answer. Never empty. */
  readonly hints: readonly string[];
  /** The code the learner starts from; it contains a `// TODO` and fails the step's checks as shipped. */
  readonly starter: string;
  /** 1-based line of the step's `## Step` heading in lesson.md, for messages about the step. */
  readonly line: number;
}

/** Absolute paths of a lesson's files. */
export interface LessonFiles {
  /** The lesson folder. */
  readonly dir: string;
  /** `lesson.md`: front matter, prose, hints and starters. */
  readonly markdown: string;
  /** `checks.ts` or `checks.js`: the module that grades each step (see src/grading/api.ts). */
  readonly checks: string;
  /** `solution.js`: the reference solution, in submission format; it must pass every step. */
  readonly solution: string;
  /** `mutants/*.js`: known-wrong submissions, each declaring the step where it must fail; sorted by name. */
  readonly mutants: readonly string[];
  /** `alternatives/*.js`: other correct submissions that must pass every step, like the solution; sorted by name. */
  readonly alternatives: readonly string[];
}
