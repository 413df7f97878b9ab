// https://www.mongodb.com/docs/manual/reference/operator/update/addToSet/
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { equalsBson } from '../../compare.js';
import { badArgument, detach, type ModifierOperator, NOOP, typeName } from './_internal.js';

function withoutDuplicates(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((x) => equalsBson(x, v))) out.push(v);
  return out;
}

/**
 * Appends the value (or each of `{$each: […]}`) unless an equal element is already present. mongod logs the
 * whole array for it, unlike `$push`.
 */
export const $addToSet: ModifierOperator = {
  createsPath: true,
  parse: (operand) => {
    if (isDocument(operand) && '$each' in operand) {
      const extra = Object.keys(operand).filter((k) => k !== '$each');
      if (extra.length > 0) {
        throw badArgument(`Found unexpected fields after $each in $addToSet: ${extra.join(', ')}`, '$addToSet');
      }
      if (!Array.isArray(operand.$each)) {
        throw badArgument(
          `The argument to $each in $addToSet must be an array but it was of type ${typeName(operand.$each)}`,
          '$addToSet',
        );
      }
      return withoutDuplicates(operand.$each);
    }
    return [operand];
  },
  apply: (current, exists, operand, ctx) => {
    const values = operand as unknown[];
    if (!exists) return { kind: 'set', value: detach(values) };
    if (!Array.isArray(current)) {
      throw new EngineError(
        'BadValue',
        `Cannot apply $addToSet to non-array field. Field named '${ctx.field}' has non-array type ${typeName(current)}`,
        '$addToSet',
      );
    }
    const added = values.filter((v) => !current.some((x) => equalsBson(x, v)));
    return added.length === 0 ? NOOP : { kind: 'set', value: [...current, ...detach(added)] };
  },
};
