/** The shared body of `$inc` and `$mul`: numeric checks, mongod's type promotion and overflow refusal. */
import { EngineError } from '../../../errors/engine-error.js';
import { formatValue } from '../../format.js';
import { identicalBson } from '../../identical.js';
import { arithmetic, numericKind, zeroOf } from '../../numeric.js';
import { formatEntry, type ModifierOperator, NOOP, typeName } from './_internal.js';

/** A `$inc` (add) or `$mul` (multiply) modifier. */
export function arithmeticModifier(name: '$inc' | '$mul', op: 'add' | 'mul'): ModifierOperator {
  const verb = op === 'add' ? 'increment' : 'multiply';
  return {
    createsPath: true,
    parse: (operand, path) => {
      if (!numericKind(operand)) {
        throw new EngineError('TypeMismatch', `Cannot ${verb} with non-numeric argument: ${formatEntry(path, operand)}`, name);
      }
      return operand;
    },
    apply: (current, exists, operand, ctx) => {
      if (!exists) {
        // mongod starts from 0 of the operand's type: $inc sets the operand, $mul sets a zero.
        return { kind: 'set', value: op === 'add' ? operand : zeroOf(numericKind(operand) ?? 'int') };
      }
      if (!numericKind(current)) {
        throw new EngineError(
          'TypeMismatch',
          `Cannot apply ${name} to a value of non-numeric type. {${ctx.id}} has the field '${ctx.field}' of non-numeric type ${typeName(current)}`,
          name,
        );
      }
      const result = arithmetic(current, operand, op);
      if (result === undefined) {
        throw new EngineError(
          'BadValue',
          `Failed to apply ${name} operations to current value (${formatValue(current)}) for document {${ctx.id}}`,
          name,
        );
      }
      return identicalBson(result, current) ? NOOP : { kind: 'set', value: result };
    },
  };
}
