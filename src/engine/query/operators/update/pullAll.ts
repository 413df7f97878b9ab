// https://www.mongodb.com/docs/manual/reference/operator/update/pullAll/
import { EngineError } from '../../../errors/engine-error.js';
import { equalsBson } from '../../compare.js';
import { badArgument, type ModifierOperator, NOOP, typeName } from './_internal.js';

/** Removes every element equal (in BSON order) to one of the listed values. */
export const $pullAll: ModifierOperator = {
  createsPath: false,
  parse: (operand) => {
    if (!Array.isArray(operand)) {
      throw badArgument(`$pullAll requires an array argument but was given a ${typeName(operand)}`, '$pullAll');
    }
    return operand;
  },
  apply: (current, exists, operand) => {
    if (!exists) return NOOP;
    if (!Array.isArray(current)) throw new EngineError('BadValue', 'Cannot apply $pull to a non-array value', '$pullAll');
    const values = operand as unknown[];
    const kept = current.filter((el) => !values.some((v) => equalsBson(el, v)));
    return kept.length === current.length ? NOOP : { kind: 'set', value: kept };
  },
};
