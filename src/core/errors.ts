import type { StartableTargetKind } from '../targets/target.js';

/**
 * Every failure a user can cause or fix has its own class here, carrying the facts as readonly fields, a stable
 * `code` for scripts, a `hint` that says how to fix it and the process exit code (ARCHITECTURE.md section 6).
 * Messages are built from the facts so that the facts, not the wording, are what tests and callers rely on.
 */

/** Exit codes a user error ends the process with: 2 usage or input, 3 infrastructure. */
export type UserExitCode = 2 | 3;

/** A failure the user can fix; the CLI prints its message and hint, never its stack (unless --debug). */
export abstract class UserError extends Error {
  /** Stable identifier for scripts and tests, e.g. `UNKNOWN_OPTION`. */
  abstract readonly code: string;
  /** One line that tells the user what to do next. */
  abstract readonly hint: string;
  /** 2 for usage or input errors, 3 for infrastructure errors. */
  abstract readonly exitCode: UserExitCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A mistake in resume-lab itself. It exits with 3, like an infrastructure failure, so that a grader never counts a
 * tool bug as a learner's failed check (exit 1).
 */
export class BugError extends Error {
  readonly code = 'BUG';
  readonly hint = 'this is a bug in resume-lab: rerun with --debug for the stack trace and report it';
  readonly exitCode = 3;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BugError';
  }
}

/** Hides the password of a connection string: error messages end up in logs and CI output. */
function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** The common base of command-line mistakes (exit 2), so callers can tell usage problems apart as a group. */
export abstract class UsageError extends UserError {
  readonly exitCode = 2;
}

/** The first argument names no command. */
export class UnknownCommandError extends UsageError {
  readonly code = 'UNKNOWN_COMMAND';
  readonly hint = 'run `resume-lab --help` for the list of commands';

  constructor(readonly command: string) {
    super(`unknown command "${command}"`);
  }
}

/** An option that the command does not take. */
export class UnknownOptionError extends UsageError {
  readonly code = 'UNKNOWN_OPTION';
  readonly hint: string;

  constructor(
    readonly option: string,
    readonly command: string | undefined,
  ) {
    super(command === undefined ? `unknown option ${option}` : `unknown option ${option} for "${command}"`);
    this.hint = `run \`resume-lab${command === undefined ? '' : ` ${command}`} --help\` for the options`;
  }
}

/** An option that needs a value was given none (or one starting with "-", which parses as another option). */
export class MissingOptionValueError extends UsageError {
  readonly code = 'MISSING_OPTION_VALUE';
  readonly hint: string;

  constructor(readonly option: string) {
    super(`${option} needs a value`);
    this.hint = `write ${option} <value>, or ${option}=<value> for a value that starts with "-"`;
  }
}

/** A flag or environment variable has a value that the option does not accept. */
export class InvalidOptionValueError extends UsageError {
  readonly code = 'INVALID_OPTION_VALUE';
  readonly hint: string;

  /** `source` is the flag (`--port`) or environment variable (`RESUME_LAB_TARGET`) the value came from. */
  constructor(
    readonly source: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`invalid value "${value}" for ${source}: expected ${expected}`);
    this.hint = `set ${source} to ${expected}`;
  }
}

/** A value given to an option that is a switch, as in `--debug=yes`. */
export class UnexpectedOptionValueError extends UsageError {
  readonly code = 'UNEXPECTED_OPTION_VALUE';
  readonly hint: string;

  constructor(readonly option: string) {
    super(`${option} takes no value`);
    this.hint = `write ${option} alone`;
  }
}

/** A positional argument given to a command that takes none (or more than it takes). */
export class UnexpectedArgumentError extends UsageError {
  readonly code = 'UNEXPECTED_ARGUMENT';
  readonly hint: string;

  constructor(
    readonly argument: string,
    readonly command: string | undefined,
  ) {
    super(command === undefined ? `unexpected argument "${argument}"` : `unexpected argument "${argument}" for "${command}"`);
    this.hint = `run \`resume-lab${command === undefined ? '' : ` ${command}`} --help\` for the usage`;
  }
}

/** `--target uri` without a connection string. */
export class MissingUriError extends UsageError {
  readonly code = 'MISSING_URI';
  readonly hint = 'pass --uri mongodb://HOST:PORT/?replicaSet=NAME or set RESUME_LAB_URI';

  constructor() {
    super('the uri target needs a connection string');
  }
}

/** A connection string the driver cannot parse. The URI is kept with its password hidden. */
export class InvalidUriError extends UsageError {
  readonly code = 'INVALID_URI';
  readonly hint = 'use the form mongodb://HOST:PORT/?replicaSet=NAME (or mongodb+srv://...)';
  readonly uri: string;
  readonly reason: string;

  /** `reason` is the parser's message, which may quote the URI, so it is redacted too. */
  constructor(uri: string, reason: string) {
    const redacted = redactUri(uri);
    const redactedReason = redactUri(reason);
    super(`invalid connection string "${redacted}": ${redactedReason}`);
    this.uri = redacted;
    this.reason = redactedReason;
  }
}

/** A target could not start or could not be reached (exit 3). */
export class TargetStartError extends UserError {
  readonly code: string = 'TARGET_START_FAILED';
  readonly exitCode = 3;
  readonly hint: string;

  constructor(
    readonly kind: StartableTargetKind,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`the ${kind} target could not start: ${reason}`, options);
    this.hint = TARGET_HINTS[kind];
  }
}

/** What to try next, per target kind. */
const TARGET_HINTS: Record<StartableTargetKind, string> = {
  embedded: 'rerun with --debug for details; the embedded engine needs only a free port on 127.0.0.1',
  'memory-server': 'check that the mongod binary runs on this machine, or use --target embedded',
  uri: 'check that the replica set at the URI is running and reachable, or use --target embedded',
};

/** The embedded engine's port is taken by another process. */
export class PortInUseError extends TargetStartError {
  override readonly code = 'PORT_IN_USE';
  override readonly hint: string;

  constructor(
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super('embedded', `port ${port} on 127.0.0.1 is already in use`, options);
    this.hint = 'pick another --port, or --port 0 for a free one';
  }
}

/**
 * The memory-server target has no mongod to run. This machine class cannot download one, so resume-lab never tries:
 * it fails at once instead of after a multi-second failing download.
 */
export class MongodBinaryNotFoundError extends UserError {
  readonly code = 'MONGOD_BINARY_NOT_FOUND';
  readonly hint = 'set MONGOMS_SYSTEM_BINARY to the path of a mongod binary, or use --target embedded';
  readonly exitCode = 3;

  /** `systemBinary` is the MONGOMS_SYSTEM_BINARY value that named no usable file, if it was set. */
  constructor(readonly systemBinary: string | undefined) {
    super(
      systemBinary === undefined
        ? 'no mongod binary for the memory-server target: MONGOMS_SYSTEM_BINARY is not set and the mongodb-memory-server cache holds none'
        : `no mongod binary for the memory-server target: MONGOMS_SYSTEM_BINARY="${systemBinary}" is not an executable file`,
    );
  }
}

/** A command was run without an argument it needs, as in `resume-lab grade` without a lesson. */
export class MissingArgumentError extends UsageError {
  readonly code = 'MISSING_ARGUMENT';
  readonly hint: string;

  /** `argument` is the placeholder of the usage line, e.g. `<lesson>`. */
  constructor(
    readonly argument: string,
    readonly command: string,
  ) {
    super(`"${command}" needs ${argument}`);
    this.hint = `run \`resume-lab ${command} --help\` for the usage`;
  }
}

/**
 * A path as messages show it: relative to the working directory when it lies below it, so messages stay short and
 * still point at the file; absolute otherwise.
 */
export function displayPath(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}

/**
 * Something wrong in a lesson folder: its lesson.md, its checks module, a missing or unexpected file. It names the
 * file, and the line or the field where it can, and the hint says how to fix it.
 */
export class LessonFormatError extends UsageError {
  readonly code = 'LESSON_FORMAT';

  /**
   * `line` is 1-based; `field` names the front-matter field or the part of a step (`step "resume": hints`) that is
   * wrong; `problem` says what is wrong and `hint` what to write instead.
   */
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly problem: string,
    readonly hint: string,
  ) {
    super(`${displayPath(file)}${line === undefined ? '' : `:${line}`}: ${field === undefined ? '' : `${field}: `}${problem}`);
  }
}

/** Two lesson folders declare the same lesson id, so `resume-lab grade <id>` could mean either. */
export class DuplicateLessonError extends UsageError {
  readonly code = 'DUPLICATE_LESSON';
  readonly hint: string;

  constructor(
    readonly id: string,
    readonly dirs: readonly [string, string],
  ) {
    super(`two lessons have the id "${id}": ${displayPath(dirs[0])} and ${displayPath(dirs[1])}`);
    this.hint = 'change the id in the front matter of one lesson.md, and rename its folder to match';
  }
}

/** No lesson has the id (or folder) given on the command line. */
export class LessonNotFoundError extends UsageError {
  readonly code = 'LESSON_NOT_FOUND';
  readonly hint: string;

  /** `lesson` is an id or a folder path as given; `known` lists the ids that do exist, for the hint. */
  constructor(
    readonly lesson: string,
    readonly known: readonly string[],
  ) {
    super(`no lesson "${lesson}"`);
    this.hint = lesson.includes('/')
      ? 'pass the path of a lesson folder, one that holds a lesson.md'
      : known.length === 0
        ? 'no lessons were found: pass the path of a lesson folder, or add --lessons-dir DIR'
        : `use one of ${known.join(', ')} (\`resume-lab lessons\` lists them), the path of a lesson folder, or add --lessons-dir DIR`;
  }
}

/** `--lessons-dir` names something that is not a folder. */
export class LessonsDirNotFoundError extends UsageError {
  readonly code = 'LESSONS_DIR_NOT_FOUND';
  readonly hint = 'pass a lesson folder (one with a lesson.md) or a folder of lesson folders';

  constructor(readonly dir: string) {
    super(`--lessons-dir ${displayPath(dir)} is not a folder`);
  }
}

/**
 * A submission file that cannot be graded as it is: unreadable, or its `// @step <id>` markers are missing, unknown,
 * repeated or out of lesson order. `line` is 1-based, or undefined when the whole file is at fault.
 */
export class SubmissionParseError extends UsageError {
  readonly code = 'SUBMISSION_FORMAT';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly hint: string,
  ) {
    super(`${displayPath(file)}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}

/** `--output FILE` could not be written. */
export class OutputWriteError extends UsageError {
  readonly code = 'OUTPUT_WRITE';
  readonly hint = 'pass --output a path in a folder that exists and that you may write to';

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write the report to ${displayPath(file)}: ${reason}`);
  }
}

/** The progress file of the interactive app (or its folder) could not be read, written or moved aside (exit 3). */
export class ProgressFileError extends UserError {
  readonly code = 'PROGRESS_FILE';
  readonly exitCode = 3;
  readonly hint = 'check that you may read and write that folder, or set RESUME_LAB_HOME to a folder you can write to';

  /** `action` is what failed: reading, writing, or moving a corrupt file aside; `reason` the system's error code. */
  constructor(
    readonly file: string,
    readonly action: 'read' | 'write' | 'move aside',
    readonly reason: string,
  ) {
    super(`cannot ${action} the progress file ${file}: ${reason}`);
  }
}

/** `resume-lab export <lesson>` for a lesson the learner has not started in the app. */
export class NoSavedProgressError extends UsageError {
  readonly code = 'NO_SAVED_PROGRESS';
  readonly hint: string;

  /** `started` lists the lessons that do have saved progress, for the hint. */
  constructor(
    readonly lesson: string,
    readonly file: string,
    readonly started: readonly string[],
  ) {
    super(`no saved progress for lesson "${lesson}" in ${file}`);
    this.hint =
      started.length === 0
        ? `work on it first with \`resume-lab learn ${lesson}\`: every run saves your code`
        : `export one you have worked on (${started.join(', ')}), or work on this one with \`resume-lab learn ${lesson}\``;
  }
}

/** The submission file of `resume-lab export` could not be written. */
export class ExportWriteError extends UsageError {
  readonly code = 'EXPORT_WRITE';
  readonly hint = 'pass --output a path in a folder that exists and that you may write to, or --output - for stdout';

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write the submission to ${displayPath(file)}: ${reason}`);
  }
}
