/** The shared body of `$min` and `$max`. */
import { compareBson } from '../../compare.js';
import { detach, type ModifierOperator, NOOP } from './_internal.js';

/** Replaces the value when the operand is smaller (`sign` -1, `$min`) or greater (`sign` 1, `$max`) in BSON order. */
export function extremeModifier(sign: 1 | -1): ModifierOperator {
  return {
    createsPath: true,
    parse: (operand) => operand,
    apply: (current, exists, operand) =>
      !exists || compareBson(operand, current) * sign > 0 ? { kind: 'set', value: detach(operand) } : NOOP,
  };
}
