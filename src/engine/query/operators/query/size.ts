// https://www.mongodb.com/docs/manual/reference/operator/query/size/
import { EngineError } from '../../../errors/engine-error.js';
import { numericKind, toDouble } from '../../numeric.js';
import { pathPredicate, type QueryOp } from './_internal.js';

/** Matches arrays with exactly that many elements; the size may be of any numeric type (mingo needs a JS number). */
export const $size: QueryOp = (selector, value) => {
  if (!numericKind(value)) throw new EngineError('BadValue', '$size needs a number', '$size');
  const size = toDouble(value);
  if (!Number.isInteger(size)) throw new EngineError('BadValue', '$size must be a whole number', '$size');
  return pathPredicate(selector, (v) => Array.isArray(v) && v.length === size, 'whole');
};
