import { resolveConfig } from './config.js';

/**
 * Whether the interactive app may run: it needs a terminal on both ends (raw-mode keys in, redrawn frames out), and
 * neither a CI service nor a dumb terminal. Decided here once; commands fall back to plain text otherwise.
 */

/** The streams the decision looks at; tests pass their own. */
export interface TerminalStreams {
  readonly stdin: { readonly isTTY?: boolean };
  readonly stdout: { readonly isTTY?: boolean };
}

/** Why the app would not run interactively, in words for a message; undefined when it can. */
export function nonInteractiveReason(
  streams: TerminalStreams = { stdin: process.stdin, stdout: process.stdout },
  env?: NodeJS.ProcessEnv,
): string | undefined {
  if (resolveConfig('ci', {}, env)) return 'CI is set';
  if (resolveConfig('term', {}, env) === 'dumb') return 'TERM is dumb';
  if (streams.stdin.isTTY !== true) return 'standard input is not a terminal';
  if (streams.stdout.isTTY !== true) return 'standard output is not a terminal';
  return undefined;
}

/** True when the interactive app can run: not in CI, not TERM=dumb, and stdin and stdout are terminals. */
export function isInteractive(streams?: TerminalStreams, env?: NodeJS.ProcessEnv): boolean {
  return nonInteractiveReason(streams, env) === undefined;
}
