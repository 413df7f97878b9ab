// https://www.mongodb.com/docs/manual/reference/operator/update/set/
import { identicalBson } from '../../identical.js';
import { detach, type ModifierOperator, NOOP } from './_internal.js';

/** Sets the field to the value; setting the identical value (same type and bytes) is a no-op, as in mongod. */
export const $set: ModifierOperator = {
  createsPath: true,
  parse: (operand) => operand,
  apply: (current, exists, operand) =>
    exists && identicalBson(current, operand) ? NOOP : { kind: 'set', value: detach(operand) },
};
