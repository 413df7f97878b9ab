// https://www.mongodb.com/docs/manual/reference/operator/update/min/
import type { ModifierOperator } from './_internal.js';
import { extremeModifier } from './_extreme.js';

/** Sets the field to the operand when the operand is less than the current value in BSON order. */
export const $min: ModifierOperator = extremeModifier(-1);
