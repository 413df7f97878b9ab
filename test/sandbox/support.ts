import { expect } from 'vitest';
import type { EvalResult, SandboxLimits } from '../../src/sandbox/api.js';
import { SandboxSession, type SandboxSessionOptions } from '../../src/sandbox/session.js';

/**
 * Limits for tests: short enough that a stuck snippet fails fast, long enough for a loaded two-core CI machine.
 * Nothing asserts on these as wall-clock times.
 */
export const TEST_LIMITS: SandboxLimits = { syncTimeoutMs: 500, asyncDeadlineMs: 3_000, maxOutputLines: 100 };

/** A URI nothing listens on: sessions that never touch the database do not need a server. */
export const OFFLINE_URI = 'mongodb://127.0.0.1:9/?replicaSet=rs0';

/** A session for tests that do not touch the database. */
export function offlineSession(options: Partial<SandboxSessionOptions> = {}): SandboxSession {
  return new SandboxSession({ uri: OFFLINE_URI, dbName: 'offline', limits: TEST_LIMITS, ...options });
}

/** Evaluates snippets in order, expecting all but the last to succeed; resolves with the last result. */
export async function evaluateAll(session: { evaluate(code: string): Promise<EvalResult> }, snippets: readonly string[]): Promise<EvalResult> {
  let result: EvalResult | undefined;
  for (const [i, snippet] of snippets.entries()) {
    result = await session.evaluate(snippet);
    if (i < snippets.length - 1) expect(result.error, `snippet ${i + 1}: ${snippet}`).toBeUndefined();
  }
  return result!;
}

/** The output's text, one entry per line. */
export function texts(result: EvalResult): string[] {
  return result.output.map((line) => line.text);
}
