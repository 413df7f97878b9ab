// https://www.mongodb.com/docs/manual/reference/operator/update/bit/
import { Long } from 'bson';
import { EngineError } from '../../../errors/engine-error.js';
import { bsonTypeOf, isDocument } from '../../bson-types.js';
import { identicalBson } from '../../identical.js';
import { badArgument, formatEntry, type ModifierOperator, NOOP, typeName } from './_internal.js';

type BitOp = 'and' | 'or' | 'xor';

function isIntegral(v: unknown): boolean {
  const t = bsonTypeOf(v);
  return t === 'int' || t === 'long';
}

function toBigInt(v: unknown): bigint {
  return typeof v === 'number' ? BigInt(v) : (v as Long).toBigInt();
}

/** One bitwise step: int with int stays int32; anything with a long is a 64-bit long. */
function applyBit(value: unknown, op: BitOp, operand: unknown): unknown {
  if (typeof value === 'number' && typeof operand === 'number') {
    return op === 'and' ? value & operand : op === 'or' ? value | operand : value ^ operand;
  }
  const x = toBigInt(value);
  const y = toBigInt(operand);
  const r = op === 'and' ? x & y : op === 'or' ? x | y : x ^ y;
  return Long.fromBigInt(BigInt.asIntN(64, r));
}

/** Bitwise and/or/xor on an int or long field; a missing field starts from int 0. */
export const $bit: ModifierOperator = {
  createsPath: true,
  parse: (operand, path) => {
    if (!isDocument(operand)) {
      throw badArgument(
        `The $bit modifier is not compatible with a ${typeName(operand)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`,
        '$bit',
      );
    }
    return Object.entries(operand).map(([op, value]) => {
      if (op !== 'and' && op !== 'or' && op !== 'xor') {
        throw badArgument(
          `The $bit modifier only supports 'and', 'or', and 'xor', not '${op}' which is an unknown operator: ${formatEntry(path, operand)}`,
          '$bit',
        );
      }
      if (!isIntegral(value)) {
        throw badArgument(
          `The $bit modifier field must be an Integer(32/64 bit); a '${typeName(value)}' is not supported here: {${op}: ${String(value)}}`,
          '$bit',
        );
      }
      return [op, value] as [BitOp, unknown];
    });
  },
  apply: (current, exists, operand, ctx) => {
    if (exists && !isIntegral(current)) {
      throw new EngineError(
        'BadValue',
        `Cannot apply $bit to a value of non-integral type.{${ctx.id}} has the field ${ctx.field} of non-integer type ${typeName(current)}`,
        '$bit',
      );
    }
    let value: unknown = exists ? current : 0;
    for (const [op, arg] of operand as [BitOp, unknown][]) value = applyBit(value, op, arg);
    return exists && identicalBson(value, current) ? NOOP : { kind: 'set', value };
  },
};
