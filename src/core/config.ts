import { TARGET_KINDS, type TargetKind } from '../targets/target.js';
import { InvalidOptionValueError } from './errors.js';

/**
 * The only module that reads `process.env`. Every option resolves here with the precedence
 * flag > environment variable > default, and each has one row in docs/configuration.md.
 */

/** Every option, in the order of docs/configuration.md. */
export const CONFIG_KEYS = [
  'target',
  'uri',
  'connectTimeoutMs',
  'mongodSystemBinary',
  'port',
  'oplogSize',
  'noColor',
  'debug',
  'home',
  'xdgConfigHome',
  'appData',
  'editor',
  'ci',
  'term',
] as const;

/** The name of an option. */
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The resolved type of each option. */
export interface ConfigValues {
  target: TargetKind;
  uri: string | undefined;
  connectTimeoutMs: number;
  mongodSystemBinary: string | undefined;
  port: number;
  oplogSize: number;
  noColor: boolean;
  debug: boolean;
  home: string | undefined;
  xdgConfigHome: string | undefined;
  appData: string | undefined;
  editor: string | undefined;
  ci: boolean;
  term: string | undefined;
}

/** Prefix of resume-lab's own environment variables. */
export const ENV_PREFIX = 'RESUME_LAB_';

/** Parsed command-line values, keyed by option name without dashes, as `node:util` parseArgs returns them. */
export type ConfigFlags = Readonly<Record<string, string | boolean | undefined>>;

/** Where an option can come from and how its text becomes a value. */
export interface ConfigSpec<T> {
  /** Flag name without the leading `--`, if the option has one. */
  readonly flag?: string;
  /** Environment variables, first one set wins. */
  readonly env: readonly string[];
  /** A variable that sets the option by being non-empty whatever its text, checked after `env` (NO_COLOR's rule). */
  readonly whenPresent?: { readonly env: string; readonly value: T };
  readonly default: T;
  /** Turns the raw text into a value; `source` names the flag or variable for the error message. */
  parse(raw: string, source: string): T;
}

/** Accepts an integer in [min, max] written in decimal digits only, so "1e3" or "0x10" are rejected. */
function integerIn(min: number, max: number, expected: string): (raw: string, source: string) => number {
  return (raw, source) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidOptionValueError(source, raw, expected);
    }
    return value;
  };
}

function targetKind(raw: string, source: string): TargetKind {
  const kind = TARGET_KINDS.find((k) => k === raw);
  if (kind === undefined) throw new InvalidOptionValueError(source, raw, `one of ${TARGET_KINDS.join(', ')}`);
  return kind;
}

const text = (raw: string): string => raw;

/** All options. `NO_COLOR` (no-color.org) and `MONGOMS_SYSTEM_BINARY` (mongodb-memory-server) are honoured unprefixed. */
export const CONFIG_SPECS: { readonly [K in ConfigKey]: ConfigSpec<ConfigValues[K]> } = {
  target: { flag: 'target', env: [`${ENV_PREFIX}TARGET`], default: 'auto', parse: targetKind },
  uri: { flag: 'uri', env: [`${ENV_PREFIX}URI`], default: undefined, parse: text },
  connectTimeoutMs: {
    flag: 'connect-timeout-ms',
    env: [`${ENV_PREFIX}CONNECT_TIMEOUT_MS`],
    default: 5000,
    parse: integerIn(1, 600_000, 'a whole number of milliseconds from 1 to 600000'),
  },
  mongodSystemBinary: { env: ['MONGOMS_SYSTEM_BINARY'], default: undefined, parse: text },
  port: { flag: 'port', env: [], default: 0, parse: integerIn(0, 65535, 'a port number from 0 to 65535') },
  oplogSize: {
    flag: 'oplog-size',
    env: [],
    // The engine's DEFAULT_OPLOG_SIZE, repeated so that reading the config never loads the engine (a test pins it).
    default: 1_000_000,
    parse: integerIn(1, Number.MAX_SAFE_INTEGER, 'a positive whole number of events'),
  },
  noColor: {
    flag: 'no-color',
    env: [`${ENV_PREFIX}NO_COLOR`],
    whenPresent: { env: 'NO_COLOR', value: true },
    default: false,
    parse: envToBool,
  },
  debug: { flag: 'debug', env: [`${ENV_PREFIX}DEBUG`], default: false, parse: envToBool },
  // Where the interactive app keeps progress: RESUME_LAB_HOME, else the platform's config folder (progress-store.ts).
  home: { env: [`${ENV_PREFIX}HOME`], default: undefined, parse: text },
  xdgConfigHome: { env: ['XDG_CONFIG_HOME'], default: undefined, parse: text },
  appData: { env: ['APPDATA'], default: undefined, parse: text },
  // The editor the app opens a snippet in; VISUAL first, as git and mongosh read them.
  editor: { env: ['VISUAL', 'EDITOR'], default: undefined, parse: text },
  // CI services set CI (or CONTINUOUS_INTEGRATION) to all sorts of words; only an explicit "no" turns it off.
  ci: { env: ['CI', 'CONTINUOUS_INTEGRATION'], default: false, parse: (raw) => !['0', 'false', 'no', 'off'].includes(raw.trim().toLowerCase()) },
  term: { env: ['TERM'], default: undefined, parse: text },
};

/** The words that turn a boolean environment variable on (case-insensitive): 1, on, yes, true. */
export function envToBool(raw: string): boolean {
  return ['1', 'on', 'yes', 'true'].includes(raw.trim().toLowerCase());
}

/**
 * Resolves one option: the flag if given, else the first non-empty environment variable, else a `whenPresent`
 * variable's value, else the default.
 * Throws InvalidOptionValueError (exit 2) naming the flag or variable when the value does not parse.
 */
export function resolveConfig<K extends ConfigKey>(
  key: K,
  flags: ConfigFlags = {},
  env: NodeJS.ProcessEnv = process.env,
): ConfigValues[K] {
  const spec: ConfigSpec<ConfigValues[K]> = CONFIG_SPECS[key];
  const flagValue = spec.flag === undefined ? undefined : flags[spec.flag];
  // parseArgs yields `true` for a switch; a switch's value needs no parsing, only a typed cast.
  if (typeof flagValue === 'boolean') return flagValue as ConfigValues[K];
  if (typeof flagValue === 'string') return spec.parse(flagValue, `--${spec.flag}`);
  for (const name of spec.env) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') return spec.parse(raw, name);
  }
  const presence = spec.whenPresent;
  if (presence !== undefined && (env[presence.env] ?? '') !== '') return presence.value;
  return spec.default;
}

/**
 * Makes React load its production build (half the code to parse, no development checks) unless NODE_ENV already
 * says something: the interactive app calls it before importing Ink, so that its first frame comes sooner. It is
 * the one write to the environment, kept here with the reads.
 */
export function preferProductionBuilds(env: NodeJS.ProcessEnv = process.env): void {
  env.NODE_ENV ??= 'production';
}
