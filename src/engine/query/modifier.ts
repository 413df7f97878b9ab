/**
 * Modifier-style updates (`{$set: …, $inc: …}`) as mongod's UpdateDriver applies them: every path is checked
 * and parsed first, conflicting paths are refused, paths are applied in mongod's order (lexicographic by
 * component since 5.0, so new fields are created in that order), and each change is logged the way mongod's
 * V2LogBuilder logs it, which is what the change event's updateDescription is read from.
 */
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { DeltaLog, type PathComponent } from './delta.js';
import { compileFilter } from './filter.js';
import { formatId, formatValue } from './format.js';
import { type ModifierContext, type ModifierOperator, typeName } from './operators/update/_internal.js';
import * as modifierModule from './operators/update/index.js';
import { RENAME_SOURCE } from './operators/update/rename.js';
import { matchedArrayIndex } from './positional.js';
import {
  compareUpdatePaths,
  parseUpdatePath,
  pathNotViable,
  positionalOf,
  type Resolution,
  resolvePath,
  WorkingDocument,
} from './update-path.js';

/** Settings of one modifier update. */
export interface ModifierOptions {
  /** The update's `arrayFilters`, for `$[identifier]` paths. */
  arrayFilters?: readonly object[];
  /** True on the insert path of an upsert: `$setOnInsert` applies. */
  isInsert?: boolean;
  /** The query filter the document matched, for the positional `$`. */
  filter?: object;
  /** The update's time (for `$currentDate`); now by default. */
  now?: Date;
}

const MODIFIERS = new Map<string, ModifierOperator>(
  Object.entries(modifierModule).filter((e): e is [string, ModifierOperator] => e[0].startsWith('$')),
);

/** One `{path: operand}` entry of the modifier document, parsed. */
interface Entry {
  modifier: string;
  operator: ModifierOperator;
  path: string;
  parts: string[];
  operand: unknown;
  /** Whether a missing path is created (false for removals, which leave missing paths alone). */
  creates: boolean;
  /** For the target half of a `$rename`: the source path, whose value becomes the operand. */
  renameFrom?: string[];
}

/** What a modifier update did: the new document, whether anything changed, and the change log. */
export interface ModifierResult {
  doc: Record<string, unknown>;
  changed: boolean;
  log: DeltaLog;
}

function renameEntries(path: string, parts: string[], operand: unknown): Entry[] {
  const operator = modifierModule.$rename;
  const target = operator.parse(operand, path) as string;
  if (parts.some((p) => positionalOf(p))) {
    throw new EngineError('BadValue', `The source field for $rename may not be dynamic: ${path}`, '$rename');
  }
  const targetParts = parseUpdatePath(target);
  if (targetParts.some((p) => positionalOf(p))) {
    throw new EngineError('BadValue', `The destination field for $rename may not be dynamic: ${target}`, '$rename');
  }
  const n = Math.min(parts.length, targetParts.length);
  if (parts.slice(0, n).every((p, i) => p === targetParts[i])) {
    throw new EngineError(
      'BadValue',
      `The source and target field for $rename must not be on the same path: ${path}: ${formatValue(target)}`,
      '$rename',
    );
  }
  return [
    { modifier: '$rename', operator, path: target, parts: targetParts, operand: undefined, creates: true, renameFrom: parts },
    { modifier: '$rename', operator, path, parts, operand: RENAME_SOURCE, creates: false },
  ];
}

function parseModifiers(update: Record<string, unknown>): Entry[] {
  const entries: Entry[] = [];
  for (const [modifier, arg] of Object.entries(update)) {
    const operator = MODIFIERS.get(modifier);
    if (!operator) {
      throw new EngineError(
        'BadValue',
        `Unknown modifier: ${modifier}. Expected a valid update modifier or pipeline-style update specified as an array`,
        modifier,
      );
    }
    if (!isDocument(arg)) {
      throw new EngineError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${typeName(arg)} instead. For example: {$mod: {<field>: ...}} not {${modifier}: ${formatValue(arg)}}`,
        modifier,
      );
    }
    for (const [path, operand] of Object.entries(arg)) {
      const parts = parseUpdatePath(path);
      if (modifier === '$rename') entries.push(...renameEntries(path, parts, operand));
      else entries.push({ modifier, operator, path, parts, operand: operator.parse(operand, path), creates: operator.createsPath });
    }
  }
  return entries;
}

/** Sorts entries into mongod's application order and refuses two paths where one is a prefix of the other. */
function orderAndCheckConflicts(entries: Entry[]): void {
  entries.sort((a, b) => compareUpdatePaths(a.parts, b.parts));
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1] as Entry;
    const next = entries[i] as Entry;
    if (prev.parts.length <= next.parts.length && prev.parts.every((p, k) => p === next.parts[k])) {
      throw new EngineError(
        'ConflictingUpdateOperators',
        `Updating the path '${next.path}' would create a conflict at '${prev.path}'`,
      );
    }
  }
}

/** The identifier an array filter is about: the first component of its (single) top-level field name. */
function filterIdentifiers(filter: Record<string, unknown>, out: Set<string>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (Array.isArray(value)) for (const clause of value) if (isDocument(clause)) filterIdentifiers(clause, out);
    } else if (!key.startsWith('$')) {
      out.add(key.split('.')[0] as string);
    }
  }
}

type ElementTest = (element: unknown) => boolean;

function parseArrayFilters(filters: readonly object[] | undefined): Map<string, ElementTest> {
  const out = new Map<string, ElementTest>();
  for (const filter of filters ?? []) {
    const ids = new Set<string>();
    if (isDocument(filter)) filterIdentifiers(filter, ids);
    if (ids.size === 0) {
      throw new EngineError('FailedToParse', 'Cannot use an expression without a top-level field name in arrayFilters');
    }
    const [id, other] = [...ids] as [string, string | undefined];
    if (other !== undefined) {
      throw new EngineError(
        'FailedToParse',
        `Error parsing array filter :: caused by :: Expected a single top-level field name, found '${id}' and '${other}'`,
      );
    }
    if (out.has(id)) {
      throw new EngineError('FailedToParse', `Found multiple array filters with the same top-level field name ${id}`);
    }
    const test = compileFilter(filter);
    out.set(id, (element) => test({ [id]: element }));
  }
  return out;
}

/** Every array filter must be used by some path, and every `$[id]` must have a filter (mongod's checks). */
function checkIdentifiers(entries: readonly Entry[], filters: Map<string, ElementTest>, update: object): void {
  const used = new Set<string>();
  for (const entry of entries) {
    for (const part of entry.parts) {
      const positional = positionalOf(part);
      if (positional?.kind !== 'filtered') continue;
      if (!filters.has(positional.id)) {
        throw new EngineError('BadValue', `No array filter found for identifier '${positional.id}' in path '${entry.path}'`);
      }
      used.add(positional.id);
    }
  }
  for (const id of filters.keys()) {
    if (!used.has(id)) {
      throw new EngineError(
        'FailedToParse',
        `The array filter for identifier '${id}' was not used in the update ${formatValue(update)}`,
      );
    }
  }
}

/** Replaces positional components with the indexes they select, in the current state of the document. */
function expandPositional(
  work: WorkingDocument,
  parts: readonly string[],
  filters: Map<string, ElementTest>,
  filter: object | undefined,
): string[][] {
  let paths: string[][] = [[]];
  for (const part of parts) {
    const positional = positionalOf(part);
    if (!positional) {
      for (const p of paths) p.push(part);
      continue;
    }
    const next: string[][] = [];
    for (const prefix of paths) {
      const at = resolvePath(work.root, prefix);
      if (at.kind !== 'exists') {
        throw new EngineError(
          'BadValue',
          `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`,
        );
      }
      const array = at.value;
      if (!Array.isArray(array)) {
        throw new EngineError(
          'BadValue',
          `Cannot apply array updates to non-array element ${prefix[prefix.length - 1]}: ${formatValue(array)}`,
        );
      }
      if (positional.kind === 'first') {
        const index = filter ? matchedArrayIndex(array, prefix.join('.'), filter) : undefined;
        if (index === undefined) {
          throw new EngineError('BadValue', 'The positional operator did not find the match needed from the query.');
        }
        next.push([...prefix, String(index)]);
      } else {
        const test = positional.kind === 'filtered' ? filters.get(positional.id) : undefined;
        array.forEach((el: unknown, i) => {
          if (!test || test(el)) next.push([...prefix, String(i)]);
        });
      }
    }
    paths = next;
  }
  return paths;
}

/** `$rename` may not move values into or out of arrays (mongod's RenameNode checks). */
function checkRenamePath(resolution: Resolution, path: string, role: 'source' | 'destination', id: () => string): void {
  const arrayAt = resolution.taken.findIndex((c) => typeof c === 'number');
  const blockedByArray = resolution.kind === 'blocked' && Array.isArray(resolution.blocker);
  if (arrayAt === -1 && !blockedByArray) return;
  const name = arrayAt > 0 ? String(resolution.taken[arrayAt - 1]) : String(resolution.taken[resolution.taken.length - 1]);
  throw new EngineError(
    'BadValue',
    `The ${role} field cannot be an array element, '${path}' in doc with ${id()} has an array field called '${name}'`,
    '$rename',
  );
}

/** The value a `$rename` moves, read from the document before the update; undefined when the source is missing. */
function renameValue(original: object, entry: Entry, id: () => string): { value: unknown } | undefined {
  const from = entry.renameFrom as string[];
  const source = resolvePath(original, from);
  checkRenamePath(source, from.join('.'), 'source', id);
  return source.kind === 'exists' ? { value: source.value } : undefined;
}

/**
 * Applies a modifier document to a copy of `doc`. The input is not modified; unchanged parts of the result are
 * shared with it. `_id` is immutable when the input has one (66), conflicting paths are refused (40).
 */
export function applyModifiers(doc: object, update: Record<string, unknown>, opts: ModifierOptions = {}): ModifierResult {
  const entries = parseModifiers(update);
  const filters = parseArrayFilters(opts.arrayFilters);
  checkIdentifiers(entries, filters, update);
  orderAndCheckConflicts(entries);

  const original = doc as Record<string, unknown>;
  const work = new WorkingDocument(original);
  const log = new DeltaLog();
  let idText: string | undefined;
  // Only error messages print the _id, so it is formatted on demand.
  const id = () => (idText ??= formatId(original));
  const idImmutable = '_id' in original;
  const now = opts.now ?? new Date();
  let changed = false;

  for (const entry of entries) {
    if (entry.modifier === '$setOnInsert' && !opts.isInsert) continue;
    let operand = entry.operand;
    if (entry.renameFrom) {
      const moved = renameValue(original, entry, id);
      if (!moved) continue;
      operand = moved.value;
    }
    for (const parts of expandPositional(work, entry.parts, filters, opts.filter)) {
      const at = resolvePath(work.root, parts);
      if (entry.renameFrom) checkRenamePath(at, entry.path, 'destination', id);
      if (at.kind !== 'exists' && !entry.creates) continue;
      if (at.kind === 'blocked') throw pathNotViable(at);
      const ctx: ModifierContext = {
        path: parts.join('.'),
        field: parts[parts.length - 1] as string,
        get id() {
          return id();
        },
        inArray: at.kind === 'exists' && at.parentIsArray,
        now,
      };
      const exists = at.kind === 'exists';
      const outcome = entry.operator.apply(exists ? at.value : undefined, exists, operand, ctx);
      if (outcome.kind === 'noop') continue;
      if (idImmutable && parts[0] === '_id') {
        throw new EngineError(
          'ImmutableField',
          `Performing an update on the path '${ctx.path}' would modify the immutable field '_id'`,
          entry.modifier,
        );
      }
      changed = true;
      if (at.kind === 'missing') {
        const value = (outcome as { value: unknown }).value;
        log.created(work.create(at.taken, at.rest, value), at.taken.length, value);
      } else if (outcome.kind === 'unset') {
        work.remove(at.taken);
        log.deleted(at.taken);
      } else {
        work.set(at.taken, outcome.value);
        logSet(log, at.taken, outcome.value, outcome.appended);
      }
    }
  }
  return { doc: changed ? work.root : original, changed, log };
}

/** A replaced value is logged whole, except an append, which logs each new element as "path.<index>". */
function logSet(log: DeltaLog, path: PathComponent[], value: unknown, appended: unknown[] | undefined): void {
  if (!appended) {
    log.updated(path, value);
    return;
  }
  const start = (value as unknown[]).length - appended.length;
  appended.forEach((el, i) => log.updated([...path, start + i], el));
}
