// https://www.mongodb.com/docs/manual/reference/operator/update/max/
import type { ModifierOperator } from './_internal.js';
import { extremeModifier } from './_extreme.js';

/** Sets the field to the operand when the operand is greater than the current value in BSON order. */
export const $max: ModifierOperator = extremeModifier(1);
