// https://www.mongodb.com/docs/manual/reference/operator/update/pop/
import { EngineError } from '../../../errors/engine-error.js';
import { Bracket, bracketOf } from '../../compare.js';
import { compareNumeric } from '../../numeric.js';
import { formatValue } from '../../format.js';
import { type ModifierOperator, NOOP, typeName } from './_internal.js';

/** Removes the first (-1) or last (1) element of an array; an empty or missing array is left alone. */
export const $pop: ModifierOperator = {
  createsPath: false,
  parse: (operand) => {
    const isOne = bracketOf(operand) === Bracket.Number && compareNumeric(operand, 1) === 0;
    const isMinusOne = bracketOf(operand) === Bracket.Number && compareNumeric(operand, -1) === 0;
    if (!isOne && !isMinusOne) {
      throw new EngineError('FailedToParse', `$pop expects 1 or -1, found: ${formatValue(operand)}`, '$pop');
    }
    return isOne ? 1 : -1;
  },
  apply: (current, exists, operand, ctx) => {
    if (!exists) return NOOP;
    if (!Array.isArray(current)) {
      throw new EngineError(
        'TypeMismatch',
        `Path '${ctx.path}' contains an element of non-array type '${typeName(current)}'`,
        '$pop',
      );
    }
    if (current.length === 0) return NOOP;
    return { kind: 'set', value: operand === 1 ? current.slice(0, -1) : current.slice(1) };
  },
};
