import { ClientPool } from './client-pool.js';
import type { TestFile } from './format.js';
import { loadSpecFiles, unsupportedSchemaReason } from './load.js';
import { unmetRequirements, type TargetDescription } from './requirements.js';
import { runTest, type TestResult } from './run-test.js';
import { connectToTarget, killAllSessions } from './server-info.js';

/** Options of one suite run. */
export interface SuiteOptions {
  /** Connection string of the replica set to test. */
  uri: string;
  /** Folder holding the spec JSON files. */
  specDir: string;
  /** Deadline for one operation, in milliseconds. */
  timeoutMs: number;
  /** Only tests whose "<file> › <description>" contains this text run; the others are not reported at all. */
  filter?: string;
  /** Called with each result as soon as it is known (for streaming output). */
  onResult?: (result: TestResult) => void;
}

/** Everything a suite run found. */
export interface SuiteReport {
  /** What the target reported about itself. */
  target: TargetDescription;
  /** One result per test, in file and test order. */
  results: TestResult[];
}

/** Whether a whole file fails (unsupported schema or requirement) or is skipped, before any test runs. */
function fileVerdict(file: TestFile, target: TargetDescription): Pick<TestResult, 'status' | 'reason'> | undefined {
  const unsupported = unsupportedSchemaReason(file);
  if (unsupported !== undefined) return { status: 'fail', reason: unsupported };
  try {
    const unmet = unmetRequirements(file.runOnRequirements, target);
    return unmet === undefined ? undefined : { status: 'skip', reason: unmet };
  } catch (error) {
    return { status: 'fail', reason: (error as Error).message };
  }
}

/** Runs every test of every spec file in `options.specDir` against `options.uri`, one test at a time. */
export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  const files = loadSpecFiles(options.specDir);
  const { internal, target } = await connectToTarget(options.uri);
  const pool = new ClientPool(options.uri);
  const results: TestResult[] = [];
  const report = (result: TestResult): void => {
    results.push(result);
    options.onResult?.(result);
  };
  try {
    await killAllSessions(internal);
    const env = { internal, pool, target, timeoutMs: options.timeoutMs };
    for (const { name, file } of files) {
      const verdict = fileVerdict(file, target);
      for (const test of file.tests) {
        if (options.filter !== undefined && !`${name} › ${test.description}`.includes(options.filter)) continue;
        if (verdict !== undefined) {
          report({ file: name, description: test.description, ...verdict, durationMs: 0 });
        } else {
          report(await runTest(name, file, test, env));
        }
      }
    }
  } finally {
    await pool.closeAll();
    await internal.close().catch(() => undefined);
  }
  return { target, results };
}

/** Counts of a report's results by status. */
export function countResults(results: TestResult[]): { passed: number; failed: number; skipped: number } {
  return {
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
  };
}
