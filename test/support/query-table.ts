/**
 * Table-driven tests for the query layer: one `it` per `[name, input, expected]` row, and an assertion for
 * EngineError codes.
 */
import { expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors/engine-error.js';

/** One row of a table: the test name, the input and the expected result. */
export type Row<I, O> = readonly [name: string, input: I, expected: O];

/** Registers one test per row, asserting `run(input)` deep-equals the expected value. */
export function table<I, O>(rows: readonly Row<I, O>[], run: (input: I) => unknown): void {
  for (const [name, input, expected] of rows) {
    it(name, () => {
      expect(run(input)).toEqual(expected);
    });
  }
}

/** Asserts that `fn` throws an EngineError with this code name and, when given, a message containing `message`. */
export function expectEngineError(fn: () => unknown, codeName: string, message?: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'expected an EngineError to be thrown').toBeInstanceOf(EngineError);
  const err = thrown as EngineError;
  expect(err.codeName).toBe(codeName);
  if (message !== undefined) expect(err.message).toContain(message);
}

/** Registers one test per row, asserting that `run(input)` throws an EngineError with the row's code name. */
export function errorTable<I>(rows: readonly Row<I, string | readonly [string, string]>[], run: (input: I) => unknown): void {
  for (const [name, input, expected] of rows) {
    it(name, () => {
      const [codeName, message] = typeof expected === 'string' ? [expected, undefined] : expected;
      expectEngineError(() => run(input), codeName, message);
    });
  }
}
