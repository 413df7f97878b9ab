// https://www.mongodb.com/docs/manual/reference/operator/update/push/
import { EngineError } from '../../../errors/engine-error.js';
import { isDocument } from '../../bson-types.js';
import { Bracket, bracketOf } from '../../compare.js';
import { compareNumeric } from '../../numeric.js';
import { sortDocuments, sortValues } from '../../sort.js';
import { badArgument, detach, type ModifierOperator, NOOP, typeName } from './_internal.js';

/** A parsed `$push` operand: the values and the optional `$position`, `$sort` and `$slice` modifiers. */
interface PushSpec {
  values: unknown[];
  position?: number;
  slice?: number;
  sort?: 1 | -1 | Record<string, unknown>;
}

const CLAUSES = new Set(['$each', '$slice', '$sort', '$position']);

function integer(v: unknown, message: string): number {
  const n = Number(v);
  if (bracketOf(v) !== Bracket.Number || !Number.isInteger(n)) throw badArgument(`${message}${typeName(v)}`, '$push');
  return n;
}

function sortDirection(v: unknown): 1 | -1 | undefined {
  if (bracketOf(v) !== Bracket.Number) return undefined;
  if (compareNumeric(v, 1) === 0) return 1;
  return compareNumeric(v, -1) === 0 ? -1 : undefined;
}

function parseSort(v: unknown): 1 | -1 | Record<string, unknown> {
  const direction = sortDirection(v);
  if (direction) return direction;
  if (isDocument(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) throw badArgument('The $sort pattern is empty when it should be a set of fields.', '$push');
    if (keys.every((k) => sortDirection(v[k]) !== undefined)) return v;
  }
  throw badArgument(
    'The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields',
    '$push',
  );
}

function parse(operand: unknown): PushSpec {
  if (!isDocument(operand) || !('$each' in operand)) return { values: [operand] };
  for (const key of Object.keys(operand)) {
    if (!CLAUSES.has(key)) throw badArgument(`Unrecognized clause in $push: ${key}`, '$push');
  }
  if (!Array.isArray(operand.$each)) {
    throw badArgument(`The argument to $each in $push must be an array but it was of type: ${typeName(operand.$each)}`, '$push');
  }
  const spec: PushSpec = { values: operand.$each };
  if ('$slice' in operand) spec.slice = integer(operand.$slice, 'The value for $slice must be an integer value but was given type: ');
  if ('$position' in operand) {
    spec.position = integer(operand.$position, 'The value for $position must be an integer value, not of type: ');
  }
  if ('$sort' in operand) spec.sort = parseSort(operand.$sort);
  return spec;
}

/**
 * mongod's PushNode::performPush: inserts at `$position`, sorts, slices. The result is an append (logged element
 * by element) only when the elements went after the end of a non-empty array and nothing was sorted or sliced off.
 */
function push(array: unknown[], spec: PushSpec): { value: unknown[]; appended: boolean; changed: boolean } {
  const values = detach(spec.values);
  let out = array.slice();
  let appended = false;
  let changed = values.length > 0;
  if (changed) {
    const size = out.length;
    const position = spec.position;
    if (size > 0 && (position === undefined || position > size)) {
      out.push(...values);
      appended = true;
    } else {
      let at = 0;
      if (position !== undefined && position > 0) at = Math.min(position, size);
      else if (position !== undefined && position < 0 && -position < size) at = size + position;
      else if (position === undefined) at = size;
      out.splice(at, 0, ...values);
    }
  }
  if (spec.sort !== undefined) {
    out = typeof spec.sort === 'number' ? sortValues(out, spec.sort) : sortDocuments(out, spec.sort);
    appended = false;
    changed = true;
  }
  if (spec.slice !== undefined) {
    const keep = Math.abs(spec.slice);
    if (out.length > keep) {
      out = spec.slice >= 0 ? out.slice(0, keep) : out.slice(out.length - keep);
      appended = false;
      changed = true;
    }
  }
  return { value: out, appended, changed };
}

/** Appends the value, or each of `{$each: […]}` with `$position`, `$sort` and `$slice`. */
export const $push: ModifierOperator = {
  createsPath: true,
  parse,
  apply: (current, exists, operand, ctx) => {
    const spec = operand as PushSpec;
    if (!exists) return { kind: 'set', value: push([], spec).value };
    if (!Array.isArray(current)) {
      throw new EngineError(
        'BadValue',
        `The field '${ctx.path}' must be an array but is of type ${typeName(current)} in document {${ctx.id}}`,
        '$push',
      );
    }
    const result = push(current, spec);
    if (!result.changed) return NOOP;
    return result.appended
      ? { kind: 'set', value: result.value, appended: result.value.slice(current.length) }
      : { kind: 'set', value: result.value };
  },
};
