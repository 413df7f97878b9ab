/**
 * Receives errors of learner callbacks that ran outside an evaluation (listeners, timers); `site` says where, as
 * the error report will ("a 'change' listener").
 */
export type CallbackErrorSink = (error: unknown, site: string) => void;

/**
 * Calls a learner callback so that neither a throw nor a rejected Promise escapes into the driver or the event
 * loop: an escaping error would end the host (an uncaught exception) instead of being reported to the learner.
 */
export function guardedCall(fn: (...args: never[]) => unknown, thisArg: unknown, args: readonly unknown[], site: string, sink: CallbackErrorSink): void {
  try {
    const result = Reflect.apply(fn, thisArg, args);
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      (result as PromiseLike<unknown>).then(undefined, (error: unknown) => sink(error, site));
    }
  } catch (error) {
    sink(error, site);
  }
}
