import { parseArgs } from 'node:util';
import type { ConfigFlags } from '../core/config.js';
import {
  MissingOptionValueError,
  UnexpectedArgumentError,
  UnexpectedOptionValueError,
  UnknownOptionError,
  type UsageError,
} from '../core/errors.js';
import type { CliOptions } from './command.js';

/** Flags and positionals of one command line. */
export interface ParsedArgs {
  readonly flags: ConfigFlags;
  readonly positionals: readonly string[];
}

/**
 * Parses strictly with node:util and turns its errors into typed usage errors. `command` is undefined for the bare
 * `resume-lab [options]` form; it names the command in messages and hints.
 */
export function parseCommandArgs(
  args: readonly string[],
  options: CliOptions,
  command: string | undefined,
  allowPositionals = false,
): ParsedArgs {
  const config = Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { type: option.type }]));
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: config, strict: true, allowPositionals });
    return { flags: values as ConfigFlags, positionals };
  } catch (err) {
    throw toUsageError(err, command);
  }
}

/**
 * parseArgs reports problems only as coded errors with English text, quoting the argument first ("Unknown option
 * '--x'", "Option '--port <value>' argument missing"); the option name is the quoted text up to a space.
 */
function toUsageError(err: unknown, command: string | undefined): UsageError | unknown {
  const { code, message = '' } = err as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UnknownOptionError(option, command);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UnexpectedArgumentError(quoted, command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? new UnexpectedOptionValueError(option)
        : new MissingOptionValueError(option);
    default:
      return err;
  }
}
