/**
 * Aggregation comparisons (`$cmp`, `$eq`, `$gt`, …) in BSON order. Unlike query operators they compare across
 * types (a number is less than a string) and do not look inside arrays; a missing value sorts below null.
 */
import { evalExpr } from 'mingo/core';
import type { AnyObject, Options } from 'mingo/types';
import { EngineError } from '../../../errors/engine-error.js';
import { bsonTypeOf } from '../../bson-types.js';
import { compareBson } from '../../compare.js';
import { numericKind } from '../../numeric.js';

/** An expression operator as mingo calls it: evaluated per document. */
export type ExpressionOp = (obj: AnyObject, expr: unknown, options: Options) => unknown;

/** compareBson with "missing" (undefined) below every value, null included, as aggregation compares them. */
function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareBson(a, b);
}

/** Evaluates both arguments of a comparison expression and compares them. */
export function compareArguments(name: string, obj: AnyObject, expr: unknown, options: Options): number {
  if (!Array.isArray(expr) || expr.length !== 2) {
    const n = Array.isArray(expr) ? expr.length : 1;
    throw new EngineError('Location16020', `Expression ${name} takes exactly 2 arguments. ${n} were passed in.`, name);
  }
  const [a, b] = evalExpr(obj, expr, options) as [unknown, unknown];
  return compareValues(a, b);
}

/** The evaluated arguments of an arithmetic expression (a single non-array argument counts as one). */
export function evaluateArguments(obj: AnyObject, expr: unknown, options: Options): unknown[] {
  const args = evalExpr(obj, expr, options);
  return Array.isArray(expr) ? (args as unknown[]) : [args];
}

/** mongod's TypeMismatch for a value an arithmetic expression cannot use. */
export function checkNumeric(name: string, v: unknown, allowed = 'numeric'): void {
  if (!numericKind(v)) {
    throw new EngineError('TypeMismatch', `${name} only supports ${allowed} types, not ${bsonTypeOf(v) ?? 'missing'}`, name);
  }
}
