import type { OutputLine, SnippetError } from '../sandbox/api.js';
import type { HostMethodContext } from '../sandbox/host/index.js';
import type { CheckResult, LessonChecks } from './api.js';
import type { SessionHarness } from './harness.js';

/** What one step produced, as plain data. */
export interface StepOutcome {
  readonly results: CheckResult[];
  /** The learner's output: the snippet's, then what listeners printed while the checks ran. */
  readonly output: OutputLine[];
  readonly outputTruncated: boolean;
  /** The snippet's error, then errors of listeners and timers, in order. */
  readonly errors: SnippetError[];
  /** The echo of the snippet's last expression, the way a shell prints it. */
  readonly value?: string;
  /** The session's number for this evaluation, which positions of later errors refer to. */
  readonly evaluation?: number;
  /** Set-up, evaluation and checks, measured in the host. */
  readonly durationMs: number;
}

/**
 * Runs one step in the host, for the grader and the interactive app alike: the step's set-up, the
 * learner's code, then its checks. A lesson whose checks throw gets a failed `checks-ran` result
 * that names the author, never a crash of the host.
 */
export async function runStepChecks(
  session: HostMethodContext['session'],
  harness: SessionHarness,
  step: LessonChecks[string],
  code: string,
): Promise<StepOutcome> {
  const started = performance.now();
  let crashed: CheckResult | undefined;
  try {
    await step.before?.(harness);
  } catch (error) {
    crashed = checksCrashed('before', error);
  }
  const evaluation = await session.evaluate(code);
  let results: CheckResult[];
  try {
    results = crashed ? [crashed] : await step.check(harness);
  } catch (error) {
    results = [checksCrashed('check', error)];
  }
  const drained = session.drainOutput();
  return {
    results,
    output: [...evaluation.output, ...drained.output],
    outputTruncated: evaluation.outputTruncated || drained.outputTruncated,
    errors: [...(evaluation.error ? [evaluation.error] : []), ...(evaluation.additionalErrors ?? []), ...drained.errors],
    ...(evaluation.value === undefined ? {} : { value: evaluation.value }),
    ...(evaluation.evaluation === undefined ? {} : { evaluation: evaluation.evaluation }),
    durationMs: performance.now() - started,
  };
}

function checksCrashed(phase: 'before' | 'check', error: unknown): CheckResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { name: 'checks-ran', status: 'fail', message: `the lesson's ${phase}() for this step threw ${message}; report it to the lesson's author` };
}
