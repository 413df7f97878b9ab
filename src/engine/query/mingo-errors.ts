/**
 * mingo reports invalid expressions and stage arguments by throwing MingoError with a readable message.
 * The client must get an `{ok: 0}` reply for those, not an InternalError, so they become BadValue.
 */
import { MingoError } from 'mingo/util';
import { EngineError } from '../errors/engine-error.js';

/** The error to throw for something mingo threw: MingoError as BadValue, anything else unchanged. */
export function translateMingoError(err: unknown): unknown {
  return err instanceof MingoError ? new EngineError('BadValue', err.message) : err;
}

/** Runs `fn`, rethrowing mingo's errors as EngineError (see `translateMingoError`). */
export function withMingoErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw translateMingoError(err);
  }
}
