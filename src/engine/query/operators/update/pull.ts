// https://www.mongodb.com/docs/manual/reference/operator/update/pull/
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { equalsBson } from '../../compare.js';
import { isQueryOperator, mingoOptions } from '../../context.js';
import { normalizeElemMatch } from '../../normalize-filter.js';
import { isRegexValue, toRegExp } from '../../regex.js';
import { elementMatcher } from '../query/elemMatch.js';
import { regexPredicate } from '../query/_internal.js';
import { type ModifierOperator, NOOP } from './_internal.js';

/**
 * Removes the elements that match: a document operand is a condition (`{$gte: 6}` on the element value,
 * `{score: 8}` as a query on embedded documents), a regex matches strings, anything else removes equal values.
 */
export const $pull: ModifierOperator = {
  createsPath: false,
  parse: (operand): ((el: unknown) => boolean) => {
    if (isDocument(operand)) return elementMatcher(normalizeElemMatch(operand, isQueryOperator), mingoOptions());
    if (isRegexValue(operand)) return regexPredicate(toRegExp(operand));
    return (el) => equalsBson(el, operand);
  },
  apply: (current, exists, operand) => {
    if (!exists) return NOOP;
    if (!Array.isArray(current)) throw new EngineError('BadValue', 'Cannot apply $pull to a non-array value', '$pull');
    const matches = operand as (el: unknown) => boolean;
    const kept = current.filter((el) => !matches(el));
    return kept.length === current.length ? NOOP : { kind: 'set', value: kept };
  },
};
