// https://www.mongodb.com/docs/manual/reference/operator/query/all/
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { type DocumentPredicate, pathPredicate, type QueryOp, regexPredicate } from './_internal.js';
import { $elemMatch } from './elemMatch.js';
import { $eq } from './eq.js';

/**
 * Matches arrays that contain every listed value: `{a: {$all: [x, y]}}` is `{$and: [{a: x}, {a: y}]}`, with
 * `{$elemMatch: …}` members as element queries and regex members as pattern matches. An empty list matches nothing.
 */
export const $all: QueryOp = (selector, value, options) => {
  if (!Array.isArray(value)) throw new EngineError('BadValue', '$all needs an array', '$all');
  if (value.length === 0) return () => false;
  const parts: DocumentPredicate[] = value.map((member: unknown) => {
    if (member instanceof RegExp) return pathPredicate(selector, regexPredicate(member));
    if (isDocument(member) && Object.keys(member)[0] === '$elemMatch') {
      return $elemMatch(selector, member.$elemMatch, options);
    }
    return $eq(selector, member, options);
  });
  return (doc) => parts.every((p) => p(doc));
};
