import { CONFIG_SPECS } from '../core/config.js';
import { COMMON_OPTIONS, type CliCommand, type CliOptions } from './command.js';

/** The text of `resume-lab --help`: every command that exists, then the options every command takes. */
export function renderHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => usageOf(c).length));
  return [
    'resume-lab: an interactive tutorial runner for MongoDB change streams',
    '',
    'Usage: resume-lab <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${usageOf(c).padEnd(width)}  ${c.summary}`),
    '',
    'Options (every command):',
    ...optionLines(COMMON_OPTIONS),
    '',
    'Run `resume-lab <command> --help` for a command\'s options. All settings: docs/configuration.md',
    '',
  ].join('\n');
}

/** The text of `resume-lab <command> --help`. */
export function renderCommandHelp(command: CliCommand): string {
  return [
    `Usage: resume-lab ${usageOf(command)}`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...COMMON_OPTIONS }),
    '',
  ].join('\n');
}

function usageOf(command: CliCommand): string {
  return command.synopsis === '' ? command.name : `${command.name} ${command.synopsis}`;
}

/** One aligned line per option; the environment variable and default come from the config table, not the text. */
function optionLines(options: CliOptions): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = option.valueName === undefined ? `--${name}` : `--${name} ${option.valueName}`;
    const spec = option.config === undefined ? undefined : CONFIG_SPECS[option.config];
    const notes = [
      ...(spec?.env ?? []).map((env) => `env ${env}`),
      ...(spec?.whenPresent === undefined ? [] : [`env ${spec.whenPresent.env}`]),
      ...(spec === undefined || spec.default === undefined || spec.default === false ? [] : [`default ${spec.default}`]),
    ];
    return [flag, notes.length === 0 ? option.help : `${option.help} (${notes.join(', ')})`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`);
}
