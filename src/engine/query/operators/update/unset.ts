// https://www.mongodb.com/docs/manual/reference/operator/update/unset/
import { type ModifierOperator, NOOP } from './_internal.js';

/**
 * Removes the field; an array element is set to null instead, so that the other elements keep their index
 * (always logged, even when it was null already, as mongod's UnsetNode does).
 */
export const $unset: ModifierOperator = {
  createsPath: false,
  parse: (operand) => operand,
  apply: (_current, exists, _operand, ctx) => {
    if (!exists) return NOOP;
    if (ctx.inArray) return { kind: 'set', value: null };
    return { kind: 'unset' };
  },
};
