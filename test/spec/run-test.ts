import type { MongoClient } from 'mongodb';
import type { TestCase, TestFile } from './format.js';
import type { ClientPool } from './client-pool.js';
import { createEntities, EntityMap } from './entities.js';
import { assertExpectedEvents } from './events.js';
import { FailPointRegistry } from './fail-points.js';
import { loadInitialData } from './initial-data.js';
import { executeOperation } from './operations.js';
import { unmetRequirements, type TargetDescription } from './requirements.js';

/** Outcome of one test. */
export interface TestResult {
  /** Spec file name. */
  file: string;
  /** Test description. */
  description: string;
  /** pass, fail or skip. */
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  reason?: string;
  /** Wall-clock time spent, for the curious (never asserted on). */
  durationMs: number;
}

/** What every test of a run shares. */
export interface RunEnvironment {
  /** The runner's own client: initial data and switching fail points off. */
  internal: MongoClient;
  /** Clients for client entities. */
  pool: ClientPool;
  /** Version and topology of the target. */
  target: TargetDescription;
  /** Deadline for one operation, in milliseconds. */
  timeoutMs: number;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one test of `file` following "Executing a Test" of the format: requirements, initial data, entities,
 * operations, then (even after a failure) fail points off, event assertions, and teardown. Only the first problem
 * is reported; later assertions are skipped once one failed.
 */
export async function runTest(fileName: string, file: TestFile, test: TestCase, env: RunEnvironment): Promise<TestResult> {
  const started = Date.now();
  const result = (status: TestResult['status'], reason?: string): TestResult => ({
    file: fileName,
    description: test.description,
    status,
    ...(reason === undefined ? {} : { reason }),
    durationMs: Date.now() - started,
  });

  if (test.skipReason !== undefined) return result('skip', test.skipReason);
  let unmet: string | undefined;
  try {
    unmet = unmetRequirements(test.runOnRequirements, env.target);
  } catch (error) {
    return result('fail', message(error));
  }
  if (unmet !== undefined) return result('skip', unmet);

  const entities = new EntityMap();
  const failPoints = new FailPointRegistry();
  let failure: string | undefined;
  try {
    if (test.outcome !== undefined) throw new Error('test.outcome is not supported by this runner');
    if (file.initialData) {
      try {
        await loadInitialData(env.internal, file.initialData);
      } catch (error) {
        throw new Error(`initialData: ${message(error)}`);
      }
    }
    try {
      await createEntities(file.createEntities ?? [], entities, env.pool);
    } catch (error) {
      throw new Error(`createEntities: ${message(error)}`);
    }
    const context = { entities, failPoints, timeoutMs: env.timeoutMs };
    for (const [index, operation] of test.operations.entries()) {
      await executeOperation(index, operation, context);
    }
  } catch (error) {
    failure = message(error);
  }

  // Events are asserted on what was observed while the operations ran, so stop recording before cleanup.
  for (const [, client] of entities.clients()) client.recorder.stop();
  const failPointProblems = await failPoints.disableAll(env.internal);
  failure ??= failPointProblems[0];
  if (failure === undefined) {
    try {
      for (const expected of test.expectEvents ?? []) {
        assertExpectedEvents(expected, entities.get(expected.client, 'client').recorder.events, entities.matchContext());
      }
    } catch (error) {
      failure = message(error);
    }
  }
  // A failed test may leave clients mid-operation; only clean ones are reused.
  await entities.dispose(env.pool, failure === undefined);
  return failure === undefined ? result('pass') : result('fail', failure);
}
