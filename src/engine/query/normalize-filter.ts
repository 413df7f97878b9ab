/**
 * Checks a query filter the way mongod's parser does and rewrites it into the shape the mingo operators expect:
 * literal values become `{$eq: v}` (mingo would read `{b: 1, $x: 2}` as operators; mongod reads it as a literal
 * because its first key is not an operator), BSONRegExp becomes RegExp, `$regex`+`$options` become one RegExp, and
 * `$comment` is dropped. The input is never modified.
 */
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { isRegexValue, toRegExp } from './regex.js';

/** Tells whether a query operator name is registered (the context's query operators). */
export type IsQueryOperator = (name: string) => boolean;

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** Operators that are only valid at the top level of a filter, never as `{field: {$op: …}}`. */
const TOP_LEVEL_ONLY = new Set(['$and', '$or', '$nor', '$expr', '$where', '$jsonSchema', '$text', '$comment']);

/** Recognised query operators that need indexes or features the embedded engine does not have. */
const UNSUPPORTED = new Set([
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$within',
  '$text',
  '$jsonSchema',
]);

/** Operators whose operand is an array of values, where regex members are allowed. */
const LIST_OPERATORS = new Set(['$in', '$nin', '$all']);

/** A RegExp without the stateful `g`/`y` flags, which would make `test` depend on earlier calls. */
function statelessRegExp(v: RegExp | { pattern: string; options: string }, options?: string): RegExp {
  const re = toRegExp(v, options);
  return re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
}

function normalizeListMember(op: string, member: unknown, isOperator: IsQueryOperator): unknown {
  if (isRegexValue(member)) return statelessRegExp(member);
  if (op === '$all' && isDocument(member) && Object.keys(member)[0] === '$elemMatch') {
    return { $elemMatch: normalizeElemMatch(member.$elemMatch, isOperator) };
  }
  if (isDocument(member) && Object.keys(member)[0]?.startsWith('$') && op !== '$all') {
    throw new EngineError('BadValue', `cannot nest $ under ${op}`, op);
  }
  return member;
}

/**
 * Normalizes criteria that apply to array elements (`$elemMatch`, `$pull`): operator-only criteria such as
 * `{$gt: 1}` apply to the element value, anything else is a query on embedded documents.
 */
export function normalizeElemMatch(criteria: unknown, isOperator: IsQueryOperator): unknown {
  if (!isDocument(criteria)) throw new EngineError('BadValue', '$elemMatch needs an Object', '$elemMatch');
  const keys = Object.keys(criteria);
  const onValue = keys.length > 0 && keys.every((k) => k.startsWith('$') && !TOP_LEVEL_ONLY.has(k));
  return onValue ? normalizeOperators(criteria, isOperator) : normalizeFilter(criteria, isOperator);
}

function normalizeOperators(ops: Record<string, unknown>, isOperator: IsQueryOperator): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of Object.keys(ops)) {
    const arg = ops[op];
    if (op === '$regex') {
      const options = ops.$options;
      if (options !== undefined && typeof options !== 'string') {
        throw new EngineError('BadValue', '$options has to be a string', '$options');
      }
      if (typeof arg === 'string') out.$regex = statelessRegExp({ pattern: arg, options: '' }, options);
      else if (isRegexValue(arg)) out.$regex = statelessRegExp(arg, options);
      else throw new EngineError('BadValue', '$regex has to be a string', '$regex');
    } else if (op === '$options') {
      if (!('$regex' in ops)) throw new EngineError('BadValue', '$options needs a $regex', '$options');
    } else if (op === '$not') {
      if (isRegexValue(arg)) out.$not = statelessRegExp(arg);
      else if (isDocument(arg) && Object.keys(arg).length > 0) out.$not = normalizeOperators(arg, isOperator);
      else throw new EngineError('BadValue', '$not needs a regex or a document', '$not');
    } else if (op === '$elemMatch') {
      out.$elemMatch = normalizeElemMatch(arg, isOperator);
    } else if (LIST_OPERATORS.has(op)) {
      if (!Array.isArray(arg)) throw new EngineError('BadValue', `${op} needs an array`, op);
      out[op] = arg.map((m) => normalizeListMember(op, m, isOperator));
    } else if (UNSUPPORTED.has(op)) {
      throw notImplemented(op);
    } else if (TOP_LEVEL_ONLY.has(op) || !isOperator(op)) {
      throw new EngineError('BadValue', `unknown operator: ${op}`, op);
    } else {
      out[op] = arg;
    }
  }
  return out;
}

/** A field's condition: an operator document when its first key is an operator, otherwise an equality. */
function normalizeCondition(value: unknown, isOperator: IsQueryOperator): unknown {
  if (isRegexValue(value)) return { $regex: statelessRegExp(value) };
  if (isDocument(value)) {
    const first = Object.keys(value)[0];
    if (first !== undefined && first.startsWith('$')) return normalizeOperators(value, isOperator);
  }
  return { $eq: value };
}

/**
 * Validates a filter and returns the normalized copy that mingo's `Query` compiles. Unknown operators are
 * BadValue with mongod's messages; `$text`, geo operators and `$jsonSchema` are NotImplemented.
 */
export function normalizeFilter(filter: unknown, isOperator: IsQueryOperator): Record<string, unknown> {
  if (!isDocument(filter)) throw new EngineError('BadValue', 'query filter must be an object');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (!key.startsWith('$')) {
      out[key] = normalizeCondition(value, isOperator);
    } else if (LOGICAL.has(key)) {
      if (!Array.isArray(value)) throw new EngineError('BadValue', `${key} must be an array`, key);
      if (value.length === 0) throw new EngineError('BadValue', '$and/$or/$nor must be a nonempty array', key);
      out[key] = value.map((clause: unknown) => {
        if (!isDocument(clause)) throw new EngineError('BadValue', '$or/$and/$nor entries need to be full objects', key);
        return normalizeFilter(clause, isOperator);
      });
    } else if (key === '$expr') {
      out.$expr = value;
    } else if (key === '$comment') {
      continue;
    } else if (key === '$where') {
      if (typeof value !== 'function') throw notImplemented('$where');
      out.$where = value;
    } else if (UNSUPPORTED.has(key)) {
      throw notImplemented(key);
    } else {
      throw new EngineError(
        'BadValue',
        `unknown top level operator: ${key}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`,
        key,
      );
    }
  }
  return out;
}
