import { resolveConfig, type ConfigFlags } from '../core/config.js';
import { InvalidOptionValueError } from '../core/errors.js';
import type { TargetOptions } from '../targets/resolve-target.js';
import type { CliOptions } from './command.js';

/**
 * Values of command options that are not configuration settings (they have no environment variable): read from the
 * parsed flags and validated here, with the same error as a bad setting.
 */

/** A string option's value, if given. */
export function stringFlag(flags: ConfigFlags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number in [min, max] written in decimal digits, if given. */
export function integerFlag(flags: ConfigFlags, name: string, min: number, max: number, expected: string): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidOptionValueError(`--${name}`, raw, expected);
  return value;
}

/** One of a fixed set of words, if given. */
export function choiceFlag<T extends string>(flags: ConfigFlags, name: string, choices: readonly T[]): T | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const choice = choices.find((c) => c === raw);
  if (choice === undefined) throw new InvalidOptionValueError(`--${name}`, raw, `one of ${choices.join(', ')}`);
  return choice;
}

/** The options of commands that start a target. */
export const TARGET_OPTIONS: CliOptions = {
  target: { type: 'string', valueName: 'KIND', help: 'where MongoDB comes from: auto, embedded, memory-server or uri', config: 'target' },
  uri: { type: 'string', valueName: 'URI', help: 'connection string of a replica set, for --target uri', config: 'uri' },
  'connect-timeout-ms': { type: 'string', valueName: 'MS', help: 'how long a uri or memory-server target may take to answer', config: 'connectTimeoutMs' },
};

/** How to start the target the flags (or their environment variables) ask for. */
export function targetOptions(flags: ConfigFlags): TargetOptions {
  return {
    target: resolveConfig('target', flags),
    uri: resolveConfig('uri', flags),
    connectTimeoutMs: resolveConfig('connectTimeoutMs', flags),
  };
}

/** The options of commands that grade: seed and timeout. */
export const GRADING_OPTIONS: CliOptions = {
  seed: { type: 'string', valueName: 'N', help: 'seed of the generated orders; the report records it so a run can be repeated' },
  timeout: { type: 'string', valueName: 'MS', help: "how long each wait of a check, and a snippet's async work, may take (default 5000)" },
};

/** --seed and --timeout, validated. */
export function gradingFlags(flags: ConfigFlags): { seed?: number; timeoutMs?: number } {
  return {
    seed: integerFlag(flags, 'seed', 0, 0xffff_ffff, 'a whole number from 0 to 4294967295'),
    timeoutMs: integerFlag(flags, 'timeout', 100, 600_000, 'a whole number of milliseconds from 100 to 600000'),
  };
}

/** The `--lessons-dir` option. */
export const LESSONS_DIR_OPTION: CliOptions = {
  'lessons-dir': { type: 'string', valueName: 'DIR', help: 'also load the lessons in DIR (a lesson folder, or a folder of them)' },
};

/** The extra lesson folders the flags name. */
export function lessonsDirs(flags: ConfigFlags): string[] {
  const dir = stringFlag(flags, 'lessons-dir');
  return dir === undefined ? [] : [dir];
}
