import type { ConfigFlags, ConfigKey } from '../core/config.js';

/** One command-line option, as parseArgs needs it plus what `--help` prints. */
export interface CliOption {
  readonly type: 'string' | 'boolean';
  /** Placeholder of a string option's value in help, e.g. `N`. */
  readonly valueName?: string;
  readonly help: string;
  /** The configuration key the option feeds; help then names its environment variable and default. */
  readonly config?: ConfigKey;
}

/** Options by name without the leading `--`. */
export type CliOptions = Readonly<Record<string, CliOption>>;

/** Where a command writes: stdout carries data (a URI, a report), stderr everything meant for people. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A `resume-lab <name>` command; each lives in its own file under src/cli/. */
export interface CliCommand {
  readonly name: string;
  /** What follows the name in the usage line, e.g. `[--port N]`. */
  readonly synopsis: string;
  /** One line for the command list. */
  readonly summary: string;
  /** A paragraph for the command's own `--help`. */
  readonly description: string;
  readonly options: CliOptions;
  /**
   * The positional arguments the command requires, as the usage line names them (`<lesson>`, `<file>`); none when
   * absent. Missing ones are a MissingArgumentError and extra ones an UnexpectedArgumentError, before run().
   */
  readonly arguments?: readonly string[];
  /** Positional arguments the command may take after the required ones (`[lesson]`); more are an UnexpectedArgumentError. */
  readonly optionalArguments?: readonly string[];
  /** Runs with validated flags and returns the exit code; failures are thrown as UserError. */
  run(flags: ConfigFlags, positionals: readonly string[], io: CliIo): Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: CliOptions = {
  help: { type: 'boolean', help: 'show help' },
  version: { type: 'boolean', help: 'print the version' },
  debug: { type: 'boolean', help: 'print stack traces with errors', config: 'debug' },
  'no-color': { type: 'boolean', help: 'plain output without colours', config: 'noColor' },
};
