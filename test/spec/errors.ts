import { MongoError, MongoServerError } from 'mongodb';
import type { ExpectedError } from './format.js';
import { describe } from './bson-values.js';
import { findMismatch, formatMismatch } from './match.js';

/**
 * A failure of the runner itself or of the target to answer in time (unsupported operation or argument, unknown
 * entity, deadline). It never satisfies `expectError`: a test expecting a server error must not pass because the
 * runner gave up.
 */
export class RunnerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerError';
  }
}

/** One-line description of an error: class, code, codeName, labels and message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${describe(error)}`;
  const parts = [error.name];
  if (error instanceof MongoServerError) {
    parts.push(`code ${String(error.code)}${error.codeName ? ` (${error.codeName})` : ''}`);
  }
  if (error instanceof MongoError && error.errorLabels.length > 0) {
    parts.push(`labels [${error.errorLabels.join(', ')}]`);
  }
  return `${parts.join(', ')}: ${error.message}`;
}

/**
 * Checks `error` against every assertion of `expected`; returns the problems found (empty when it matches).
 * A server error is one the driver built from a server reply (MongoServerError); everything else, network errors
 * included, is a client error.
 */
export function expectedErrorProblems(expected: ExpectedError, error: unknown): string[] {
  const problems: string[] = [];
  const serverError = error instanceof MongoServerError ? error : undefined;
  const mongoError = error instanceof MongoError ? error : undefined;
  const known = new Set([
    'isError',
    'isClientError',
    'errorContains',
    'errorCode',
    'errorCodeName',
    'errorLabelsContain',
    'errorLabelsOmit',
    'errorResponse',
  ]);
  for (const key of Object.keys(expected)) {
    if (!known.has(key)) throw new RunnerError(`unsupported expectError field ${JSON.stringify(key)}`);
  }
  if (expected.isClientError !== undefined && expected.isClientError !== (serverError === undefined)) {
    problems.push(expected.isClientError ? 'expected a client-side error, got a server error' : 'expected a server error, got a client-side error');
  }
  if (expected.errorContains !== undefined) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.toLowerCase().includes(expected.errorContains.toLowerCase())) {
      problems.push(`expected the message to contain ${JSON.stringify(expected.errorContains)}`);
    }
  }
  if (expected.errorCode !== undefined && serverError?.code !== expected.errorCode) {
    problems.push(`expected server error code ${expected.errorCode}, got ${serverError ? String(serverError.code) : 'no server error'}`);
  }
  if (expected.errorCodeName !== undefined && serverError?.codeName?.toLowerCase() !== expected.errorCodeName.toLowerCase()) {
    problems.push(`expected codeName ${expected.errorCodeName}, got ${serverError?.codeName ?? 'none'}`);
  }
  for (const label of expected.errorLabelsContain ?? []) {
    if (!mongoError?.hasErrorLabel(label)) problems.push(`expected error label ${label}`);
  }
  for (const label of expected.errorLabelsOmit ?? []) {
    if (mongoError?.hasErrorLabel(label)) problems.push(`expected no error label ${label}`);
  }
  if (expected.errorResponse !== undefined) {
    const mismatch = findMismatch(expected.errorResponse, serverError?.errorResponse, { root: true });
    if (mismatch) problems.push(`errorResponse ${formatMismatch(mismatch)}`);
  }
  return problems;
}
