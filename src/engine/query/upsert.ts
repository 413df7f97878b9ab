/**
 * The document an upsert inserts when its filter matched nothing: seeded from the filter's equality
 * conditions, then updated with `$setOnInsert` applying (mongod's UpdateStage::applyUpdateOpsForInsert).
 */
import { ObjectId } from 'bson';
import { cloneDeep } from 'mingo/util';
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { equalsBson } from './compare.js';
import { formatValue } from './format.js';
import { isRegexValue } from './regex.js';
import { applyUpdate, updateKind } from './update.js';

/** The value an equality condition fixes, or undefined when the condition is not an equality. */
function equalityValue(condition: unknown): unknown {
  if (isRegexValue(condition)) return undefined;
  if (isDocument(condition)) {
    const first = Object.keys(condition)[0];
    if (first !== undefined && first.startsWith('$')) return '$eq' in condition ? condition.$eq : undefined;
  }
  return condition;
}

function notSingleValue(message: string): EngineError {
  return new EngineError('NotSingleValueField', `cannot infer query fields to set, ${message}`);
}

/** Equality conditions at the top level and under `$and` (and a single-clause `$or`), by dotted path. */
function collectEqualities(filter: Record<string, unknown>, out: Map<string, unknown>): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' || (key === '$or' && Array.isArray(condition) && condition.length === 1)) {
      for (const clause of condition as unknown[]) if (isDocument(clause)) collectEqualities(clause, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    const value = equalityValue(condition);
    if (value === undefined) continue;
    for (const other of out.keys()) {
      if (other === key) throw notSingleValue(`path '${key}' is matched twice`);
      if (other.startsWith(`${key}.`) || key.startsWith(`${other}.`)) {
        throw notSingleValue(`both paths '${key}' and '${other}' are matched`);
      }
    }
    out.set(key, value);
  }
}

/** Sets a dotted path in a document made of plain documents only (the seed has no arrays on its paths). */
function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isDocument(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = cloneDeep(value);
}

/** `_id` first, as mongod stores inserted documents; a new ObjectId when there is none. */
function idFirst(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

/**
 * The document an upsert inserts. A modifier or pipeline update is applied, as an insert (so `$setOnInsert`
 * applies), to a document built from the filter's equality conditions (`{a: 1}`, `{a: {$eq: 1}}`, `$and` of
 * those, dotted paths as nested documents; other operators are ignored). A replacement keeps only the filter's
 * `_id`. Two equalities on one path, or on a path and its prefix, are NotSingleValueField (54), as in mongod.
 */
export function buildUpsertDocument(filter: object, update: object, arrayFilters?: readonly object[]): object {
  const equalities = new Map<string, unknown>();
  if (isDocument(filter)) collectEqualities(filter, equalities);
  if (updateKind(update) === 'replacement') {
    const replacement = cloneDeep(update) as Record<string, unknown>;
    if (equalities.has('_id')) {
      const id = equalities.get('_id');
      if ('_id' in replacement && !equalsBson(replacement._id, id)) {
        throw new EngineError(
          'ImmutableField',
          `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(replacement._id)}`,
        );
      }
      replacement._id = cloneDeep(id);
    }
    return idFirst(replacement);
  }
  const seed: Record<string, unknown> = {};
  if (equalities.has('_id')) seed._id = cloneDeep(equalities.get('_id'));
  for (const [path, value] of equalities) if (path !== '_id') setPath(seed, path, value);
  const { doc } = applyUpdate(seed, update, { arrayFilters, isInsert: true, filter });
  return idFirst(doc as Record<string, unknown>);
}
