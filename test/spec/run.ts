/**
 * `npm run test:spec`: runs MongoDB's unified change-stream spec tests (the shared spec-tests folder) against the
 * embedded engine, or against `--uri` / RESUME_LAB_SPEC_URI. Prints one line per test and, last,
 * `N passed, N failed, N skipped`; exits 0 only when nothing failed (2 on bad usage, 3 when no target).
 */
import { parseArgs } from 'node:util';
import { locateSpecDir } from './load.js';
import { formatResult, formatSummary } from './report.js';
import { countResults, runSuite } from './suite.js';
import { startTarget, type SpecTarget } from './target.js';

/** Deadline for one operation: generous for a real server, and what a hung iteration costs. */
const DEFAULT_TIMEOUT_MS = 5_000;

const USAGE = `usage: npm run test:spec -- [--target embedded|memory-server] [--uri <mongodb uri>] [--filter <text>] [--timeout-ms <n>]
  --target      embedded (default) or memory-server (a real mongod; needs MONGOMS_SYSTEM_BINARY or a cached binary)

  --uri         run against this replica set (default: env RESUME_LAB_SPEC_URI, else the embedded engine)
  --filter      only run tests whose "<file> › <description>" contains this text
  --timeout-ms  deadline for one operation (default ${DEFAULT_TIMEOUT_MS})`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        uri: { type: 'string' },
        target: { type: 'string' },
        filter: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeoutMs = Number(values['timeout-ms'] ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    console.error(`--timeout-ms must be a positive integer\n${USAGE}`);
    return 2;
  }

  let specDir: string;
  try {
    specDir = locateSpecDir();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  let target: SpecTarget;
  try {
    target = await startTarget(values.uri ?? process.env.RESUME_LAB_SPEC_URI, values.target);
  } catch (error) {
    console.error(`cannot start the target: ${(error as Error).message}`);
    return 3;
  }
  try {
    const started = Date.now();
    console.log(`target: ${target.label}`);
    const report = await runSuite({
      uri: target.uri,
      specDir,
      timeoutMs,
      ...(values.filter === undefined ? {} : { filter: values.filter }),
      onResult: (result) => console.log(formatResult(result).join('\n')),
    });
    console.log(
      `\nserver ${report.target.version}, topology ${report.target.topology}; ` +
        `${report.results.length} tests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(formatSummary(report.results));
    return countResults(report.results).failed === 0 ? 0 : 1;
  } catch (error) {
    console.error(`spec run aborted: ${(error as Error).message}`);
    return 3;
  } finally {
    await target.stop();
  }
}

process.exitCode = await main();
