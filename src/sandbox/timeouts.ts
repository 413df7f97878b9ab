import type { SnippetError } from './api.js';

/** The error of a snippet whose code ran past the synchronous limit (in-host by vm, or a host that stopped answering). */
export function syncTimeoutError(ms: number): SnippetError {
  return {
    kind: 'timeout',
    name: 'TimeoutError',
    message: `your code ran for more than ${ms} ms without finishing`,
    explanation: 'look for a loop that never ends: a `while (true)` needs a `break`, a `for` loop a condition that becomes false',
  };
}

/** The error of a snippet whose awaited work did not settle before the async deadline. */
export function asyncDeadlineError(ms: number): SnippetError {
  return {
    kind: 'timeout',
    name: 'TimeoutError',
    message: `your code was still waiting after ${ms} ms`,
    explanation:
      'something awaited never finished: for example `await changeStream.next()` when no change comes, or a `sleep()` longer than the limit; use a `change` listener to react to events instead of waiting for them',
  };
}

/** Thrown to end an evaluation with a timeout SnippetError. */
export class SnippetTimeout extends Error {
  constructor(readonly snippetError: SnippetError) {
    super(snippetError.message);
    this.name = 'SnippetTimeout';
  }
}

/** Rejects with SnippetTimeout(asyncDeadlineError) if `promise` has not settled after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SnippetTimeout(asyncDeadlineError(ms))), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
