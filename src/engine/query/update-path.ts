/**
 * Update paths ("a.b", "grades.$", "items.$[].qty", "items.$[x].qty") and the copy-on-write working document
 * that modifier updates write into: only containers along modified paths are copied, so the input document is
 * never modified and unchanged subtrees are shared with it.
 */
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { compareStrings } from './compare.js';
import type { PathComponent } from './delta.js';
import { formatValue } from './format.js';

/** A positional component: `$` (first match), `$[]` (every element) or `$[id]` (array filter). */
export type Positional = { kind: 'first' } | { kind: 'all' } | { kind: 'filtered'; id: string };

const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

/** The positional meaning of a path component, or undefined for a plain field name or index. */
export function positionalOf(part: string): Positional | undefined {
  if (part === '$') return { kind: 'first' };
  if (part === '$[]') return { kind: 'all' };
  if (part.startsWith('$[') && part.endsWith(']')) return { kind: 'filtered', id: part.slice(2, -1) };
  return undefined;
}

/**
 * Splits and checks an update path: no empty path or component (56 EmptyFieldName), and no `$`-prefixed
 * component other than a positional one (52 DollarPrefixedFieldName).
 */
export function parseUpdatePath(path: string): string[] {
  if (path === '') throw new EngineError('EmptyFieldName', 'An empty update path is not valid.');
  const parts = path.split('.');
  for (const part of parts) {
    if (part === '') {
      throw new EngineError('EmptyFieldName', `The update path '${path}' contains an empty field name, which is not allowed.`);
    }
    if (!part.startsWith('$')) continue;
    const positional = positionalOf(part);
    if (!positional) {
      throw new EngineError('DollarPrefixedFieldName', `The dollar ($) prefixed field '${part}' in '${path}' is not valid for storage.`);
    }
    if (positional.kind === 'filtered' && !IDENTIFIER.test(positional.id)) {
      throw new EngineError(
        'BadValue',
        `The array filter identifier must be an alphanumeric string beginning with a lowercase letter, found '${positional.id}' in path '${path}'`,
      );
    }
  }
  return parts;
}

/** Compares update paths in the order mongod (5.0+) applies them: component-wise, numeric names numerically. */
export function compareUpdatePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    return compareStrings(x, y);
  }
  return a.length - b.length;
}

/** Where a concrete path (no positional components) leads in a document. */
export type Resolution =
  | { kind: 'exists'; taken: PathComponent[]; value: unknown; parentIsArray: boolean }
  | { kind: 'missing'; taken: PathComponent[]; rest: string[] }
  | { kind: 'blocked'; taken: PathComponent[]; name: string; blocker: unknown };

const hasOwn = Object.prototype.hasOwnProperty;

function isIndex(part: string): boolean {
  return /^\d+$/.test(part);
}

/**
 * Follows a concrete path: array elements by numeric component, document fields by name. The result says whether
 * the path exists, where it stops existing, or which value blocks it (a scalar, or an array met with a
 * non-numeric component), which is mongod's PathNotViable when the operator would create the path.
 */
export function resolvePath(doc: object, parts: readonly string[]): Resolution {
  let current: unknown = doc;
  let parentIsArray = false;
  const taken: PathComponent[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (Array.isArray(current)) {
      if (!isIndex(part)) return { kind: 'blocked', taken, name: part, blocker: current };
      const index = Number(part);
      if (index >= current.length) return { kind: 'missing', taken, rest: parts.slice(i) };
      taken.push(index);
      current = current[index];
      parentIsArray = true;
    } else if (isDocument(current)) {
      if (!hasOwn.call(current, part)) return { kind: 'missing', taken, rest: parts.slice(i) };
      taken.push(part);
      current = current[part];
      parentIsArray = false;
    } else {
      return { kind: 'blocked', taken, name: part, blocker: current };
    }
  }
  return { kind: 'exists', taken, value: current, parentIsArray };
}

/** mongod's PathNotViable (28) for a path that a creating operator cannot extend. */
export function pathNotViable(resolution: Extract<Resolution, { kind: 'blocked' }>): EngineError {
  const holder = resolution.taken.length > 0 ? String(resolution.taken[resolution.taken.length - 1]) : '';
  return new EngineError(
    'PathNotViable',
    `Cannot create field '${resolution.name}' in element {${holder}: ${formatValue(resolution.blocker)}}`,
  );
}

/**
 * A shallow copy of the input document that is modified in place along written paths: each container on a
 * written path is copied once (then owned), and containers created by this update are owned from the start.
 */
export class WorkingDocument {
  readonly root: Record<string, unknown>;
  private readonly owned = new WeakSet<object>();

  constructor(original: object) {
    this.root = { ...(original as Record<string, unknown>) };
    this.owned.add(this.root);
  }

  /** The value at a path of existing components (no copying). */
  get(path: readonly PathComponent[]): unknown {
    let current: unknown = this.root;
    for (const key of path) current = (current as Record<PathComponent, unknown>)[key];
    return current;
  }

  /** The container at `path`, copied along the way where it is still shared with the input. */
  private writable(path: readonly PathComponent[]): Record<PathComponent, unknown> {
    let current = this.root as Record<PathComponent, unknown>;
    for (const key of path) {
      let child = current[key] as object;
      if (!this.owned.has(child)) {
        child = Array.isArray(child) ? child.slice() : { ...child };
        this.owned.add(child);
        current[key] = child;
      }
      current = child as Record<PathComponent, unknown>;
    }
    return current;
  }

  /** Replaces the value of an existing path. */
  set(path: readonly PathComponent[], value: unknown): void {
    this.writable(path.slice(0, -1))[path[path.length - 1] as PathComponent] = value;
  }

  /** Removes an existing document field. */
  remove(path: readonly PathComponent[]): void {
    delete this.writable(path.slice(0, -1))[path[path.length - 1] as PathComponent];
  }

  /**
   * Creates the missing components `rest` under the container at `taken` (documents for the intermediate
   * components; an array parent is padded with nulls up to the index) and returns the full path created.
   */
  create(taken: readonly PathComponent[], rest: readonly string[], value: unknown): PathComponent[] {
    const parent = this.writable(taken);
    let leaf: unknown = value;
    for (let i = rest.length - 1; i >= 1; i--) {
      const created = { [rest[i] as string]: leaf };
      this.owned.add(created);
      leaf = created;
    }
    const first = rest[0] as string;
    if (Array.isArray(parent)) {
      const index = Number(first);
      while (parent.length < index) parent.push(null);
      parent[index] = leaf;
      return [...taken, index, ...rest.slice(1)];
    }
    parent[first] = leaf;
    return [...taken, ...rest];
  }
}
