#!/usr/bin/env node
import { resolveConfig } from '../core/config.js';
import { MissingArgumentError, UnexpectedArgumentError, UnknownCommandError } from '../core/errors.js';
import { COMMON_OPTIONS, type CliCommand, type CliIo } from './command.js';
import { db } from './db.js';
import { exportCommand } from './export.js';
import { grade } from './grade.js';
import { learn } from './learn.js';
import { lessonCheck } from './lesson-check.js';
import { lessons } from './lessons.js';
import { renderCommandHelp, renderHelp } from './help.js';
import { parseCommandArgs } from './parse-args.js';
import { asReportedError, renderError } from './render-error.js';
import { packageVersion } from './version.js';

/** The commands that exist, in the order `--help` lists them. */
const COMMANDS: readonly CliCommand[] = [learn, lessons, grade, lessonCheck, exportCommand, db];

/** The `resume-lab` entry point: dispatches to a command and maps every failure to its exit code. */
async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Read from the raw arguments so that errors raised while parsing them are styled as asked too.
  const switches = { debug: argv.includes('--debug'), 'no-color': argv.includes('--no-color') };
  const style = {
    debug: resolveConfig('debug', switches),
    color: !resolveConfig('noColor', switches) && process.stderr.isTTY === true,
  };
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const reported = asReportedError(err);
    io.stderr.write(renderError(reported, style));
    return reported.exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  // Only switches may come before the command, so the command is the first argument that is not one of them.
  const index = argv.findIndex((arg) => !(arg.startsWith('--') && Object.hasOwn(COMMON_OPTIONS, arg.slice(2))));
  const name = argv[index];
  if (name === undefined || name.startsWith('-')) {
    // `resume-lab` alone is the interactive app (with its options); only --help and --version print instead.
    const { flags, positionals } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...learn.options }, undefined);
    if (flags.help !== true && flags.version !== true) return learn.run(flags, positionals, io);
    io.stdout.write(flags.version === true ? `${packageVersion()}\n` : renderHelp(COMMANDS));
    return 0;
  }
  // A command's name may be two words (`lesson check`): the longest name that the arguments spell wins.
  const twoWords = `${name} ${argv[index + 1] ?? ''}`;
  const command = COMMANDS.find((c) => c.name === twoWords) ?? COMMANDS.find((c) => c.name === name);
  if (command === undefined) throw new UnknownCommandError(COMMANDS.some((c) => c.name.startsWith(`${name} `)) ? twoWords.trim() : name);
  const words = command.name.split(' ').length;
  const rest = argv.filter((_, i) => i < index || i >= index + words);
  const expected = command.arguments ?? [];
  const optional = command.optionalArguments ?? [];
  const { flags, positionals } = parseCommandArgs(rest, { ...COMMON_OPTIONS, ...command.options }, command.name, expected.length + optional.length > 0);
  if (flags.help === true) {
    io.stdout.write(renderCommandHelp(command));
    return 0;
  }
  if (flags.version === true) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const missing = expected[positionals.length];
  if (missing !== undefined) throw new MissingArgumentError(missing, command.name);
  const extra = positionals[expected.length + optional.length];
  if (extra !== undefined) throw new UnexpectedArgumentError(extra, command.name);
  return command.run(flags, positionals, io);
}

// Exit explicitly: a command that returns has finished, and a stray handle (a driver timer, say) must not keep the
// process alive. Writes to pipes, files and terminals are synchronous on POSIX, so no output is lost.
process.exit(await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
