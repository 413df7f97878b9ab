// https://www.mongodb.com/docs/manual/reference/operator/update/currentDate/
import { Timestamp } from 'bson';
import { isDocument } from '../../bson-types.js';
import { formatValue } from '../../format.js';
import { badArgument, type ModifierOperator } from './_internal.js';

/**
 * Sets the field to the update's time, as a Date (`true` or `{$type: "date"}`) or a Timestamp
 * (`{$type: "timestamp"}`, seconds with increment 1: the oplog clock is not visible from here).
 */
export const $currentDate: ModifierOperator = {
  createsPath: true,
  parse: (operand) => {
    if (typeof operand === 'boolean') return 'date';
    if (isDocument(operand) && (operand.$type === 'date' || operand.$type === 'timestamp')) return operand.$type;
    throw badArgument(
      `${formatValue(operand)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`,
      '$currentDate',
    );
  },
  apply: (_current, _exists, operand, ctx) => ({
    kind: 'set',
    value:
      operand === 'date'
        ? new Date(ctx.now.getTime())
        : new Timestamp({ t: Math.floor(ctx.now.getTime() / 1000), i: 1 }),
  }),
};
