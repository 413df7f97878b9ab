// https://www.mongodb.com/docs/manual/reference/operator/query/mod/
import { EngineError } from '../../../errors/engine-error.js';
import { numericKind, toDouble } from '../../numeric.js';
import { pathPredicate, type QueryOp } from './_internal.js';

/** A numeric value truncated toward zero as a BigInt (mongod casts to long long), or undefined for NaN/±∞. */
function truncated(v: unknown): bigint | undefined {
  const kind = numericKind(v);
  if (kind === 'long') return (v as { toBigInt(): bigint }).toBigInt();
  if (!kind) return undefined;
  const x = toDouble(v);
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : undefined;
}

function malformed(message: string): EngineError {
  return new EngineError('BadValue', `malformed mod, ${message}`, '$mod');
}

/** Matches numbers whose remainder by the divisor is the remainder given, on Longs exactly (mingo drops Longs). */
export const $mod: QueryOp = (selector, value) => {
  if (!Array.isArray(value)) throw malformed('needs to be an array');
  if (value.length < 2) throw malformed('not enough elements');
  if (value.length > 2) throw malformed('too many elements');
  const divisor = truncated(value[0]);
  const remainder = truncated(value[1]);
  if (divisor === undefined) throw malformed('divisor not a number');
  if (remainder === undefined) throw malformed('remainder not a number');
  if (divisor === 0n) throw new EngineError('BadValue', 'divisor cannot be 0', '$mod');
  return pathPredicate(selector, (v) => {
    const n = truncated(v);
    return n !== undefined && n % divisor === remainder;
  });
};
