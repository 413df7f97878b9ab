import { BugError, UserError } from '../core/errors.js';

/** How errors are printed: stack traces only on request, colour only on a terminal that allows it. */
export interface ErrorStyle {
  readonly debug: boolean;
  readonly color: boolean;
}

/** Anything thrown, as the error the CLI reports: a value that is no UserError is a bug in resume-lab. */
export function asReportedError(err: unknown): UserError | BugError {
  if (err instanceof UserError || err instanceof BugError) return err;
  return new BugError(`unexpected error: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

/** `resume-lab: <message>` and `hint: <hint>` lines for stderr, plus the stacks of the error and its causes with --debug. */
export function renderError(err: UserError | BugError, style: ErrorStyle): string {
  const paint = (code: number, text: string) => (style.color ? `\x1b[${code}m${text}\x1b[39m` : text);
  const lines = [`${paint(31, 'resume-lab:')} ${err.message}`, `${paint(33, 'hint:')} ${err.hint}`];
  if (style.debug) {
    for (let cause: unknown = err; cause !== undefined; cause = cause instanceof Error ? cause.cause : undefined) {
      lines.push(cause instanceof Error ? (cause.stack ?? String(cause)) : String(cause));
    }
  }
  return `${lines.join('\n')}\n`;
}
