import { codeName, ErrorCodes, type ErrorCodeName } from './codes.js';

/**
 * An error the engine sends to the client as `{ok: 0, code, codeName, errmsg}`.
 * `argument` names the option or operator at fault (never user data), for logs and tests.
 */
export class EngineError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly argument: string | undefined;
  /** Labels to send instead of the computed ones (set by the failCommand fail point). */
  labelsOverride: string[] | undefined;

  constructor(name: ErrorCodeName, message: string, argument?: string) {
    super(message);
    this.name = 'EngineError';
    this.code = ErrorCodes[name];
    this.codeName = name;
    this.argument = argument;
  }

  /**
   * An error with a numeric code chosen by the client (fail points); mongod's name when we know it.
   */
  static fromCode(code: number, message: string): EngineError {
    const err = new EngineError('InternalError', message);
    (err as { code: number }).code = code;
    (err as { codeName: string }).codeName = codeName(code) ?? `Location${code}`;
    return err;
  }
}

/** Shorthand for the common "this option or feature is recognised but not implemented" answer (238). */
export function notImplemented(what: string): EngineError {
  return new EngineError('NotImplemented', `${what} is not implemented by the resume-lab embedded engine`, what);
}
