// https://www.mongodb.com/docs/manual/reference/operator/update/rename/
import { badArgument, detach, type ModifierOperator, NOOP } from './_internal.js';

/** The operand that makes `$rename` remove the source field. */
export const RENAME_SOURCE: unique symbol = Symbol('$rename source');

/**
 * Moves a field. The modifier engine splits `{$rename: {from: "to"}}` into two applications of this operator:
 * at `to` with the moved value as operand, and at `from` with `RENAME_SOURCE`, which removes the field. `parse`
 * checks the target name; the engine checks that neither path crosses an array.
 */
export const $rename: ModifierOperator = {
  createsPath: true,
  parse: (operand, path) => {
    if (typeof operand !== 'string') {
      throw badArgument(`The 'to' field for $rename must be a string: ${path}: ${String(operand)}`, '$rename');
    }
    return operand;
  },
  apply: (_current, exists, operand) => {
    if (operand === RENAME_SOURCE) return exists ? { kind: 'unset' } : NOOP;
    return { kind: 'set', value: detach(operand) };
  },
};
