import { describe, expect, it } from 'vitest';
import { locateSpecDir } from './load.js';
import { formatResult } from './report.js';
import { countResults, runSuite } from './suite.js';
import { startTarget } from './target.js';

/** Tests in the nine change-stream files (mongodb/specifications, as copied into the shared folder). */
const TOTAL_TESTS = 89;

/**
 * Tests whose runOnRequirements exclude a replica set reporting 8.0 (shared/spec-tests/change-streams/INDEX.md):
 * 89 tests, 66 applicable. A different count means the engine reports another version or topology.
 */
const SKIPPED_ON_REPLICA_SET_8_0 = 23;

/** Per-operation deadline: an in-memory server answers in milliseconds, so this only bounds a hang. */
const OPERATION_TIMEOUT_MS = 5_000;

/** Bounds the whole run even if every applicable test ran into its deadline. */
const SUITE_TIMEOUT_MS = 600_000;

describe('test/spec/run: unified change-stream spec tests against the embedded engine', () => {
  it(
    `passes every applicable test and skips exactly ${SKIPPED_ON_REPLICA_SET_8_0} of ${TOTAL_TESTS}`,
    async () => {
      const target = await startTarget();
      try {
        const { results } = await runSuite({ uri: target.uri, specDir: locateSpecDir(), timeoutMs: OPERATION_TIMEOUT_MS });
        const listed = (status: string): string =>
          results
            .filter((result) => result.status === status)
            .map((result) => formatResult(result).join('\n'))
            .join('\n');
        const counts = countResults(results);
        expect(counts.failed, `failed tests:\n${listed('fail')}`).toBe(0);
        expect(results.length, 'number of tests in the spec files').toBe(TOTAL_TESTS);
        expect(counts.skipped, `skipped tests:\n${listed('skip')}`).toBe(SKIPPED_ON_REPLICA_SET_8_0);
      } finally {
        await target.stop();
      }
    },
    SUITE_TIMEOUT_MS,
  );
});
