import type { EventEmitter } from 'node:events';

/**
 * Resolves once `condition()` holds, re-checking each time `emitter` emits `event`; rejects after
 * `timeoutMs` with `what` in the message. Tests wait on events this way, never on fixed sleeps.
 */
export function until(emitter: EventEmitter, event: string, condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const check = () => {
      if (!condition()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off(event, check);
    };
    emitter.on(event, check);
  });
}
