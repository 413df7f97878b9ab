import type { CheckResult } from '../../grading/api.js';

/** A check's message in parts, for a failure laid out over several lines. */
export interface CheckParts {
  /** What happened (a failure) or what was confirmed (a pass). */
  readonly summary: string;
  readonly expected?: string;
  readonly actual?: string;
  /** What to change, for a failure. */
  readonly fix?: string;
}

/**
 * Splits a failure's message, which the harness writes as "<problem>. Expected <e>, got <a>. Fix: <fix>", so that
 * expected, actual and fix get a line each. A message in another form stays whole.
 */
export function checkParts(check: CheckResult): CheckParts {
  if (check.status === 'pass' || check.expected === undefined || check.actual === undefined) return { summary: check.message };
  const stated = `Expected ${check.expected}, got ${check.actual}.`;
  const at = check.message.indexOf(stated);
  if (at < 0) return { summary: check.message, expected: check.expected, actual: check.actual };
  const summary = check.message.slice(0, at).trim();
  const fix = /^\s*Fix:\s*(.*)$/s.exec(check.message.slice(at + stated.length))?.[1];
  return { summary, expected: check.expected, actual: check.actual, ...(fix === undefined || fix === '' ? {} : { fix }) };
}
