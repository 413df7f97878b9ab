import { RunnerError } from './errors.js';

/**
 * Resolves like `promise`, or rejects with a RunnerError once `ms` have passed. Change-stream iteration blocks
 * until the server delivers an event, so a server that never does would otherwise hang the whole suite.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunnerError(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
