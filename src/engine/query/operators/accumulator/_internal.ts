/** Shared pieces of the BSON-aware accumulators. */
import { $push } from 'mingo/operators/accumulator';
import type { Options } from 'mingo/types';
import { compareBson } from '../../compare.js';

/** An accumulator as mingo calls it: the group's documents and the operand expression. */
export type AccumulatorOp = (collection: unknown[], expr: unknown, options: Options) => unknown;

/**
 * The extreme value of the expression over the group in BSON order, ignoring null and missing values
 * (null when there is none): `sign` 1 picks the maximum, -1 the minimum.
 */
export function extreme(collection: unknown[], expr: unknown, options: Options, sign: 1 | -1): unknown {
  let best: unknown;
  for (const v of $push(collection, expr, options)) {
    if (v === null || v === undefined) continue;
    if (best === undefined || compareBson(v, best) * sign > 0) best = v;
  }
  return best ?? null;
}
