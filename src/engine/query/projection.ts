/**
 * Projections with mongod's rules, for find (`projection`, with `$slice`, `$elemMatch` and positional `.$`) and
 * for the `$project` stage. mingo's own projection gets several of these wrong for our purposes: it moves `_id`
 * last, treats a lone `$slice` as an inclusion and modifies its input on exclusion, so this module does the
 * shaping and uses mingo only to evaluate expressions.
 */
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { EngineError, notImplemented } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { Bracket, bracketOf } from './compare.js';
import { mingoOptions } from './context.js';
import { compileFilter } from './filter.js';
import { compareNumeric } from './numeric.js';
import { matchedArrayIndex } from './positional.js';

/** What happens to one projected path. */
type Leaf =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'compute'; expr: unknown }
  | { kind: 'slice'; start: number; count: number | undefined }
  | { kind: 'elemMatch'; test: (el: unknown) => boolean }
  | { kind: 'positional'; path: string };

/** Projected paths below one field, in specification order. */
interface Branch {
  kind: 'branch';
  children: Map<string, Leaf | Branch>;
}

/** How a projection is used: find's projection operators exist only in `find` mode. */
export interface ProjectionSettings {
  mode: 'find' | 'aggregate';
  /** mingo options for expressions (the stage's options in a pipeline); the BSON context by default. */
  options?: Options;
  /** The query filter, needed by a positional `.$` projection. */
  filter?: object;
}

/** A compiled projection: a new document for each input (unchanged values are shared, not copied). */
export type Projector = (doc: object) => object;

interface ParseState {
  settings: ProjectionSettings;
  mode: 'inclusion' | 'exclusion' | undefined;
  id: 'include' | 'exclude' | undefined;
  positional: number;
}

function isFlag(v: unknown): boolean {
  return typeof v === 'boolean' || bracketOf(v) === Bracket.Number;
}

function isTrueFlag(v: unknown): boolean {
  return typeof v === 'boolean' ? v : compareNumeric(v, 0) !== 0;
}

function parseSlice(arg: unknown): Leaf | undefined {
  if (typeof arg === 'number' && Number.isInteger(arg)) {
    return arg >= 0 ? { kind: 'slice', start: 0, count: arg } : { kind: 'slice', start: arg, count: undefined };
  }
  if (Array.isArray(arg) && arg.length === 2 && arg.every((n) => typeof n === 'number' && Number.isInteger(n))) {
    const [start, count] = arg as [number, number];
    if (count <= 0) throw new EngineError('BadValue', '$slice limit must be positive', '$slice');
    return { kind: 'slice', start, count };
  }
  return undefined;
}

/** The leaf for one value of the specification; undefined for a nested specification object. */
function classify(value: unknown, path: string[], state: ParseState): Leaf | undefined {
  if (isFlag(value)) return { kind: isTrueFlag(value) ? 'include' : 'exclude' };
  if (!isDocument(value)) return { kind: 'compute', expr: value };
  const keys = Object.keys(value);
  if (keys.length === 0) {
    throw new EngineError('BadValue', `An empty sub-projection is not a valid value. Found empty object at path ${path.join('.')}`);
  }
  const op = keys[0] as string;
  if (!op.startsWith('$')) return undefined;
  if (state.settings.mode === 'find') {
    if (op === '$meta') throw notImplemented('$meta projection');
    if (op === '$slice') {
      const slice = parseSlice(value.$slice);
      if (slice) return slice;
    }
    if (op === '$elemMatch') {
      if (path.length > 1) {
        throw new EngineError('BadValue', 'Cannot use $elemMatch projection on a nested field.', '$elemMatch');
      }
      const criteria = value.$elemMatch;
      if (!isDocument(criteria)) throw new EngineError('BadValue', '$elemMatch needs an Object', '$elemMatch');
      const test = compileFilter(criteria);
      return { kind: 'elemMatch', test: (el) => isDocument(el) && test(el) };
    }
  }
  return { kind: 'compute', expr: value };
}

/** Records whether the projection includes or excludes, rejecting a mix (31253/31254 as mongod). */
function noteMode(leaf: Leaf, fullPath: string, state: ParseState): void {
  if (fullPath === '_id' && (leaf.kind === 'include' || leaf.kind === 'exclude')) {
    state.id = leaf.kind;
    return;
  }
  if (leaf.kind === 'slice') return;
  const mode = leaf.kind === 'exclude' ? 'exclusion' : 'inclusion';
  if (state.mode && state.mode !== mode) {
    throw mode === 'exclusion'
      ? new EngineError('Location31254', `Cannot do exclusion on field ${fullPath} in inclusion projection`)
      : new EngineError('Location31253', `Cannot do inclusion on field ${fullPath} in exclusion projection`);
  }
  state.mode = mode;
}

function pathCollision(path: string[]): EngineError {
  return new EngineError('Location31250', `Path collision at ${path.join('.')}`);
}

/** Adds a leaf, or a branch for a nested specification, at `path`; a leaf may not sit above or on another. */
function insert(root: Branch, path: string[], node: Leaf | Branch): void {
  let parent = root;
  for (const name of path.slice(0, -1)) {
    let next = parent.children.get(name);
    if (!next) parent.children.set(name, (next = { kind: 'branch', children: new Map() }));
    else if (next.kind !== 'branch') throw pathCollision(path);
    parent = next;
  }
  const last = path[path.length - 1] as string;
  const existing = parent.children.get(last);
  if (!existing) parent.children.set(last, node);
  else if (existing.kind !== 'branch' || node.kind !== 'branch') throw pathCollision(path);
}

function parseInto(spec: Record<string, unknown>, prefix: string[], root: Branch, state: ParseState): void {
  for (const key of Object.keys(spec)) {
    if (key.startsWith('$')) {
      throw new EngineError(
        'Location16410',
        `FieldPath field names may not start with '$'. Consider using $getField or $setField.`,
        key,
      );
    }
    const parts = key.split('.');
    if (parts.some((p) => p === '')) {
      throw new EngineError('Location15998', 'FieldPath field names may not be empty strings.', key);
    }
    const value = spec[key];
    let path = prefix.concat(parts);
    let leaf: Leaf | undefined;
    if (parts[parts.length - 1] === '$') {
      if (state.settings.mode !== 'find') {
        throw new EngineError('BadValue', 'Cannot use positional projection in aggregation projection', key);
      }
      if (++state.positional > 1) {
        throw new EngineError('BadValue', 'Cannot specify more than one positional projection per query.', key);
      }
      path = path.slice(0, -1);
      leaf = { kind: 'positional', path: path.join('.') };
    } else {
      leaf = classify(value, path, state);
    }
    if (leaf === undefined) {
      insert(root, path, { kind: 'branch', children: new Map() });
      parseInto(value as Record<string, unknown>, path, root, state);
      continue;
    }
    noteMode(leaf, path.join('.'), state);
    insert(root, path, leaf);
  }
}

function applySlice(arr: unknown[], leaf: Extract<Leaf, { kind: 'slice' }>): unknown[] {
  const begin = leaf.start >= 0 ? Math.min(leaf.start, arr.length) : Math.max(0, arr.length + leaf.start);
  return arr.slice(begin, leaf.count === undefined ? undefined : begin + leaf.count);
}

function hasComputed(branch: Branch): boolean {
  for (const child of branch.children.values()) {
    if (child.kind === 'compute' || (child.kind === 'branch' && hasComputed(child))) return true;
  }
  return false;
}

/** Evaluates aggregation expressions against the root document (mingo's `$project` does the same `update`). */
function makeEvaluator(options: Options): (root: object, expr: unknown) => unknown {
  const computeOptions = options as Options & { update?: (locals: { root: unknown }) => unknown };
  if (typeof computeOptions.update === 'function') {
    return (root, expr) => {
      computeOptions.update?.({ root });
      return evalExpr(root, expr, computeOptions);
    };
  }
  return (root, expr) => evalExpr(root, expr, options);
}

interface ApplyContext {
  root: object;
  includeId: boolean;
  evaluate: (root: object, expr: unknown) => unknown;
  filter: object | undefined;
}

function positionalElement(arr: unknown[], leaf: Extract<Leaf, { kind: 'positional' }>, ctx: ApplyContext): unknown[] {
  const index = ctx.filter ? matchedArrayIndex(arr, leaf.path, ctx.filter) : undefined;
  if (index === undefined) {
    throw new EngineError(
      'Location51246',
      "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array",
      `${leaf.path}.$`,
    );
  }
  return [arr[index]];
}

function includeArray(arr: unknown[], branch: Branch, ctx: ApplyContext): unknown[] {
  const out: unknown[] = [];
  for (const el of arr) {
    if (isDocument(el)) out.push(include(el, branch, ctx, false));
    else if (Array.isArray(el)) out.push(includeArray(el, branch, ctx));
  }
  return out;
}

function include(doc: Record<string, unknown>, branch: Branch, ctx: ApplyContext, isRoot: boolean): object {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const child = branch.children.get(key);
    const v = doc[key];
    if (!child) {
      if (isRoot && key === '_id' && ctx.includeId) out[key] = v;
      continue;
    }
    switch (child.kind) {
      case 'include':
        out[key] = v;
        break;
      case 'branch':
        if (isDocument(v)) out[key] = include(v, child, ctx, false);
        else if (Array.isArray(v)) out[key] = includeArray(v, child, ctx);
        break;
      case 'slice':
        out[key] = Array.isArray(v) ? applySlice(v, child) : v;
        break;
      case 'elemMatch':
        if (Array.isArray(v)) {
          const found = v.find(child.test);
          if (found !== undefined) out[key] = [found];
        }
        break;
      case 'positional':
        if (Array.isArray(v)) out[key] = positionalElement(v, child, ctx);
        break;
      case 'exclude':
      case 'compute':
        break;
    }
  }
  for (const [key, child] of branch.children) {
    if (child.kind === 'compute') {
      const value = ctx.evaluate(ctx.root, child.expr);
      if (value !== undefined) out[key] = value;
    } else if (child.kind === 'branch' && !(key in out) && hasComputed(child)) {
      out[key] = include({}, child, ctx, false);
    }
  }
  return out;
}

function excludeArray(arr: unknown[], branch: Branch): unknown[] {
  return arr.map((el) => (isDocument(el) ? exclude(el, branch) : Array.isArray(el) ? excludeArray(el, branch) : el));
}

function exclude(doc: Record<string, unknown>, branch: Branch): object {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const child = branch.children.get(key);
    const v = doc[key];
    if (!child) {
      out[key] = v;
    } else if (child.kind === 'branch') {
      out[key] = isDocument(v) ? exclude(v, child) : Array.isArray(v) ? excludeArray(v, child) : v;
    } else if (child.kind === 'slice') {
      out[key] = Array.isArray(v) ? applySlice(v, child) : v;
    } else if (child.kind !== 'exclude') {
      out[key] = v;
    }
  }
  return out;
}

/**
 * Compiles a projection. Errors are mongod's: mixing inclusion and exclusion is 31254 "Cannot do exclusion on
 * field x in inclusion projection" (or 31253 for the inverse), overlapping paths 31250, `$meta` NotImplemented.
 * Included fields keep the input document's order; computed fields follow in specification order.
 */
export function compileProjection(spec: unknown, settings: ProjectionSettings): Projector {
  if (!isDocument(spec)) throw new EngineError('BadValue', 'projection must be an object');
  const root: Branch = { kind: 'branch', children: new Map() };
  const state: ParseState = { settings, mode: undefined, id: undefined, positional: 0 };
  parseInto(spec, [], root, state);
  if (root.children.size === 0) return (doc) => doc;
  const inclusion = state.mode === 'inclusion' || (state.mode === undefined && state.id === 'include');
  if (!inclusion) return (doc) => exclude(doc as Record<string, unknown>, root);
  const evaluate = makeEvaluator(settings.options ?? mingoOptions());
  const includeId = state.id !== 'exclude';
  return (doc) => include(doc as Record<string, unknown>, root, { root: doc, includeId, evaluate, filter: settings.filter }, true);
}

/**
 * Applies a find projection to documents. `filter` is the query the documents matched, used by a positional
 * `"array.$"` projection. The input documents are not modified.
 */
export function projectDocuments(docs: readonly object[], projection: object, filter?: object): object[] {
  const project = compileProjection(projection, { mode: 'find', filter });
  return docs.map((doc) => project(doc));
}
