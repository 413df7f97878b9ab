// https://www.mongodb.com/docs/manual/reference/operator/update/mul/
import type { ModifierOperator } from './_internal.js';
import { arithmeticModifier } from './_arithmetic.js';

/** Multiplies a number, with `$inc`'s type promotion; a missing field becomes 0 of the operand's type. */
export const $mul: ModifierOperator = arithmeticModifier('$mul', 'mul');
