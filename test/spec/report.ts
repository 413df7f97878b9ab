import type { TestResult } from './run-test.js';
import { countResults } from './suite.js';

const STATUS_LABEL: Record<TestResult['status'], string> = { pass: 'pass', fail: 'FAIL', skip: 'skip' };

/** The lines printed for one result: `pass|FAIL|skip  <file> › <description>`, then the reason indented. */
export function formatResult(result: TestResult): string[] {
  const lines = [`${STATUS_LABEL[result.status]}  ${result.file} › ${result.description}`];
  if (result.reason !== undefined) lines.push(...result.reason.split('\n').map((line) => `      ${line}`));
  return lines;
}

/** The last line of a run: `N passed, N failed, N skipped`. */
export function formatSummary(results: TestResult[]): string {
  const { passed, failed, skipped } = countResults(results);
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
