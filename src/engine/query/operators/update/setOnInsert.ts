// https://www.mongodb.com/docs/manual/reference/operator/update/setOnInsert/
import type { ModifierOperator } from './_internal.js';
import { $set } from './set.js';

/** `$set`, but only when an upsert inserts; the modifier engine skips it otherwise. */
export const $setOnInsert: ModifierOperator = $set;
