// https://www.mongodb.com/docs/manual/reference/operator/query/type/
import { EngineError } from '../../../errors/engine-error.js';
import { BSON_TYPE_NUMBERS, type BsonTypeName, bsonTypeOf } from '../../bson-types.js';
import { Bracket, bracketOf } from '../../compare.js';
import { pathPredicate, type QueryOp, type ValuePredicate } from './_internal.js';

const NAMES_BY_NUMBER = new Map<number, BsonTypeName>(
  Object.entries(BSON_TYPE_NUMBERS).map(([name, code]) => [code, name as BsonTypeName]),
);

/** The set of type names one `$type` argument (alias, number or array of them) selects; "number" is all four. */
function typeSet(spec: unknown): Set<string> {
  const names = new Set<string>();
  for (const t of Array.isArray(spec) ? spec : [spec]) {
    if (typeof t === 'string') {
      if (t === 'number') ['double', 'int', 'long', 'decimal'].forEach((n) => names.add(n));
      else if (Object.hasOwn(BSON_TYPE_NUMBERS, t)) names.add(t);
      else throw new EngineError('BadValue', `Unknown type name alias: ${t}`, '$type');
    } else if (bracketOf(t) === Bracket.Number) {
      const code = Number(t);
      const name = NAMES_BY_NUMBER.get(code);
      if (!name) throw new EngineError('BadValue', `Invalid numerical type code: ${code}`, '$type');
      names.add(name);
    } else {
      throw new EngineError('TypeMismatch', 'type must be represented as a number or a string', '$type');
    }
  }
  return names;
}

/**
 * Matches values stored as one of the given BSON types. A JS number is "int" when BSON.serialize would write
 * it as int32 and "double" otherwise; a Long is "long". Array fields match "array" and their elements' types.
 */
export const $type: QueryOp = (selector, value) => {
  const names = typeSet(value);
  const test: ValuePredicate = (v) => {
    const t = bsonTypeOf(v);
    return t !== undefined && names.has(t);
  };
  return pathPredicate(selector, test);
};
