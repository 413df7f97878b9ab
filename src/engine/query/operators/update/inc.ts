// https://www.mongodb.com/docs/manual/reference/operator/update/inc/
import type { ModifierOperator } from './_internal.js';
import { arithmeticModifier } from './_arithmetic.js';

/** Adds to a number (int + long is long, anything + double is double, anything + decimal is decimal). */
export const $inc: ModifierOperator = arithmeticModifier('$inc', 'add');
