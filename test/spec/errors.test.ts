import { MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { ExpectedError } from './format.js';
import { expectedErrorProblems, RunnerError } from './errors.js';

const fatal = new MongoServerError({
  ok: 0,
  code: 280,
  codeName: 'ChangeStreamFatalError',
  errmsg: 'Encountered an event whose _id field was modified',
  errorLabels: ['NonResumableChangeStreamError'],
});
const network = new MongoNetworkError('connection closed');

/** [description, expected, error, problem fragments (empty when the error matches)] */
const rows: [string, ExpectedError, unknown, string[]][] = [
  ['isError accepts any error', { isError: true }, network, []],
  ['server error is not a client error', { isClientError: false }, fatal, []],
  ['network error is a client error', { isClientError: true }, network, []],
  ['client error where a server error is expected', { isClientError: false }, network, ['expected a server error']],
  ['code, codeName (any case) and label match', { errorCode: 280, errorCodeName: 'changestreamfatalerror', errorLabelsContain: ['NonResumableChangeStreamError'] }, fatal, []],
  ['wrong code', { errorCode: 40324 }, fatal, ['expected server error code 40324, got 280']],
  ['code on a client error', { errorCode: 6 }, network, ['got no server error']],
  ['missing label', { errorLabelsContain: ['ResumableChangeStreamError'] }, fatal, ['expected error label ResumableChangeStreamError']],
  ['omitted label present', { errorLabelsOmit: ['NonResumableChangeStreamError'] }, fatal, ['expected no error label']],
  ['message substring, any case', { errorContains: 'WHOSE _ID' }, fatal, []],
  ['errorResponse is matched as a root document', { errorResponse: { code: 280 } }, fatal, []],
  ['errorResponse mismatch names the path', { errorResponse: { codeName: 'X' } }, fatal, ['errorResponse at codeName']],
];

describe('test/spec/errors', () => {
  it.each(rows)('%s', (_name, expected, error, fragments) => {
    const problems = expectedErrorProblems(expected, error);
    if (fragments.length === 0) expect(problems).toEqual([]);
    for (const fragment of fragments) expect(problems.join('; ')).toContain(fragment);
  });

  it('refuses assertions it does not implement', () => {
    expect(() => expectedErrorProblems({ isTimeoutError: true } as ExpectedError, network)).toThrow(RunnerError);
  });
});
