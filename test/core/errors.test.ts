import { describe, expect, it } from 'vitest';
import {
  BugError,
  DuplicateLessonError,
  InvalidOptionValueError,
  InvalidUriError,
  LessonFormatError,
  LessonNotFoundError,
  LessonsDirNotFoundError,
  MissingArgumentError,
  MissingOptionValueError,
  MissingUriError,
  MongodBinaryNotFoundError,
  OutputWriteError,
  PortInUseError,
  SubmissionParseError,
  TargetStartError,
  UnexpectedArgumentError,
  UnexpectedOptionValueError,
  UnknownCommandError,
  UnknownOptionError,
  UsageError,
  UserError,
} from '../../src/core/errors.js';

/** One row per error: the instance, its class, the facts, the code, the exit code and the exact message. */
const CASES: [UserError, abstract new (...args: never[]) => UserError, object, string, number, string][] = [
  [new UnknownCommandError('lern'), UnknownCommandError, { command: 'lern' }, 'UNKNOWN_COMMAND', 2, 'unknown command "lern"'],
  [
    new UnknownOptionError('--prot', 'db'),
    UnknownOptionError,
    { option: '--prot', command: 'db' },
    'UNKNOWN_OPTION',
    2,
    'unknown option --prot for "db"',
  ],
  [new UnknownOptionError('-x', undefined), UnknownOptionError, { option: '-x' }, 'UNKNOWN_OPTION', 2, 'unknown option -x'],
  [new MissingOptionValueError('--port'), MissingOptionValueError, { option: '--port' }, 'MISSING_OPTION_VALUE', 2, '--port needs a value'],
  [
    new InvalidOptionValueError('--port', 'abc', 'a port number from 0 to 65535'),
    InvalidOptionValueError,
    { source: '--port', value: 'abc', expected: 'a port number from 0 to 65535' },
    'INVALID_OPTION_VALUE',
    2,
    'invalid value "abc" for --port: expected a port number from 0 to 65535',
  ],
  [new UnexpectedOptionValueError('--debug'), UnexpectedOptionValueError, { option: '--debug' }, 'UNEXPECTED_OPTION_VALUE', 2, '--debug takes no value'],
  [
    new UnexpectedArgumentError('x', 'db'),
    UnexpectedArgumentError,
    { argument: 'x', command: 'db' },
    'UNEXPECTED_ARGUMENT',
    2,
    'unexpected argument "x" for "db"',
  ],
  [new MissingUriError(), MissingUriError, {}, 'MISSING_URI', 2, 'the uri target needs a connection string'],
  [
    new InvalidUriError('mongodb://alice:s3cret@h:99999/', 'bad port'),
    InvalidUriError,
    { uri: 'mongodb://alice:***@h:99999/', reason: 'bad port' },
    'INVALID_URI',
    2,
    'invalid connection string "mongodb://alice:***@h:99999/": bad port',
  ],
  [
    new TargetStartError('uri', 'Server selection timed out after 5000 ms'),
    TargetStartError,
    { kind: 'uri', reason: 'Server selection timed out after 5000 ms' },
    'TARGET_START_FAILED',
    3,
    'the uri target could not start: Server selection timed out after 5000 ms',
  ],
  [
    new PortInUseError(27017),
    TargetStartError,
    { kind: 'embedded', port: 27017 },
    'PORT_IN_USE',
    3,
    'the embedded target could not start: port 27017 on 127.0.0.1 is already in use',
  ],
  [
    new MongodBinaryNotFoundError(undefined),
    MongodBinaryNotFoundError,
    { systemBinary: undefined },
    'MONGOD_BINARY_NOT_FOUND',
    3,
    'no mongod binary for the memory-server target: MONGOMS_SYSTEM_BINARY is not set and the mongodb-memory-server cache holds none',
  ],
  [
    new MongodBinaryNotFoundError('/opt/mongod'),
    MongodBinaryNotFoundError,
    { systemBinary: '/opt/mongod' },
    'MONGOD_BINARY_NOT_FOUND',
    3,
    'no mongod binary for the memory-server target: MONGOMS_SYSTEM_BINARY="/opt/mongod" is not an executable file',
  ],
  [new MissingArgumentError('<file>', 'grade'), MissingArgumentError, { argument: '<file>', command: 'grade' }, 'MISSING_ARGUMENT', 2, '"grade" needs <file>'],
  [
    new LessonFormatError('/elsewhere/x/lesson.md', 4, 'estimatedMinutes', 'expected a whole number, got "ten"', 'write it like `estimatedMinutes: 20`'),
    LessonFormatError,
    { file: '/elsewhere/x/lesson.md', line: 4, field: 'estimatedMinutes', problem: 'expected a whole number, got "ten"' },
    'LESSON_FORMAT',
    2,
    '/elsewhere/x/lesson.md:4: estimatedMinutes: expected a whole number, got "ten"',
  ],
  [
    new LessonFormatError('/elsewhere/x/checks.js', undefined, undefined, 'no checks module', 'add one'),
    LessonFormatError,
    { line: undefined, field: undefined },
    'LESSON_FORMAT',
    2,
    '/elsewhere/x/checks.js: no checks module',
  ],
  [
    new DuplicateLessonError('intro', ['/a/intro', '/b/intro']),
    DuplicateLessonError,
    { id: 'intro', dirs: ['/a/intro', '/b/intro'] },
    'DUPLICATE_LESSON',
    2,
    'two lessons have the id "intro": /a/intro and /b/intro',
  ],
  [new LessonNotFoundError('intro', ['resume-tokens']), LessonNotFoundError, { lesson: 'intro', known: ['resume-tokens'] }, 'LESSON_NOT_FOUND', 2, 'no lesson "intro"'],
  [new LessonsDirNotFoundError('/no/such'), LessonsDirNotFoundError, { dir: '/no/such' }, 'LESSONS_DIR_NOT_FOUND', 2, '--lessons-dir /no/such is not a folder'],
  [
    new SubmissionParseError('/elsewhere/s.js', 7, 'unknown step "resum"', 'the steps are a, b'),
    SubmissionParseError,
    { file: '/elsewhere/s.js', line: 7, problem: 'unknown step "resum"' },
    'SUBMISSION_FORMAT',
    2,
    '/elsewhere/s.js:7: unknown step "resum"',
  ],
  [new OutputWriteError('/no/dir/r.json', 'ENOENT'), OutputWriteError, { file: '/no/dir/r.json', reason: 'ENOENT' }, 'OUTPUT_WRITE', 2, 'cannot write the report to /no/dir/r.json: ENOENT'],
];

describe('core/errors', () => {
  it.each(CASES)('%s', (error, cls, facts, code, exitCode, message) => {
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ ...facts, code, exitCode, message, name: error.constructor.name });
    expect(error.hint).toMatch(/\S/);
    expect(error.hint).not.toContain('\n');
    expect(error instanceof UsageError).toBe(exitCode === 2);
  });

  it('lists the known lessons in the hint of LessonNotFoundError, or says how to point at one', () => {
    expect(new LessonNotFoundError('intro', ['a', 'b']).hint).toBe(
      'use one of a, b (`resume-lab lessons` lists them), the path of a lesson folder, or add --lessons-dir DIR',
    );
    expect(new LessonNotFoundError('./x', []).hint).toBe('pass the path of a lesson folder, one that holds a lesson.md');
  });

  it('keeps a password out of every field of InvalidUriError', () => {
    const error = new InvalidUriError('mongodb://alice:s3cret@h/', 'x');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('s3cret');
  });

  it.each([
    ['memory-server', /MONGOMS_SYSTEM_BINARY|--target embedded/],
    ['uri', /--target embedded/],
  ] as const)('TargetStartError for %s has a hint naming a way out', (kind, hint) => {
    expect(new TargetStartError(kind, 'x').hint).toMatch(hint);
  });

  it('hints at the flags that avoid a missing mongod', () => {
    expect(new MongodBinaryNotFoundError(undefined).hint).toBe(
      'set MONGOMS_SYSTEM_BINARY to the path of a mongod binary, or use --target embedded',
    );
  });

  it('makes BugError exit with 3, never 1 (a failed check)', () => {
    const cause = new Error('boom');
    const bug = new BugError('unexpected error: boom', { cause });
    expect(bug).toMatchObject({ code: 'BUG', exitCode: 3, cause, name: 'BugError' });
    expect(bug).not.toBeInstanceOf(UserError);
  });
});
