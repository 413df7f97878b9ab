/**
 * The `$v: 2` delta that mongod writes to the oplog for an update, and the change event `updateDescription`
 * read from it. Both modifier updates (mongod's V2LogBuilder, src/mongo/db/update/v2_log_builder.cpp) and
 * pipeline updates (document_diff_calculator.cpp) build the same tree; `describeDelta` then reads it in the order
 * of change_stream_document_diff_parser.cpp, so field order and array entries come out as mongod reports them.
 */
import { BSON } from 'bson';

/** A path component: a field name, or a number for an index into an array. */
export type PathComponent = string | number;

/** A value logged at a path: `update` replaced an existing value, `insert` created the field. */
type DeltaLeaf = { kind: 'update'; value: unknown } | { kind: 'insert'; value: unknown } | { kind: 'delete' };

/** Changes inside one embedded document; `inserted` marks a document created whole by this update. */
export interface DocumentDelta {
  kind: 'document';
  inserted: boolean;
  children: Map<string, DeltaNode>;
}

/** Changes inside one array: element updates by index and an optional truncation to `newSize`. */
export interface ArrayDelta {
  kind: 'array';
  children: Map<number, DeltaNode>;
  newSize?: number;
}

/** One node of the delta tree. */
export type DeltaNode = DeltaLeaf | DocumentDelta | ArrayDelta;

/** A change event's `updateDescription`. */
export interface UpdateDescription {
  updatedFields: Record<string, unknown>;
  removedFields: string[];
  truncatedArrays: { field: string; newSize: number }[];
}

/**
 * Paths that a dotted string cannot represent unambiguously (a numeric field name after the first component, or
 * a field name containing a dot), as the component list mongod adds under `showExpandedEvents`.
 */
export type DisambiguatedPaths = Record<string, PathComponent[]>;

/** A new, empty document delta. */
export function documentDelta(inserted = false): DocumentDelta {
  return { kind: 'document', inserted, children: new Map() };
}

/** A new, empty array delta. */
export function arrayDelta(): ArrayDelta {
  return { kind: 'array', children: new Map() };
}

function childOf(node: DocumentDelta | ArrayDelta, key: PathComponent): DeltaNode | undefined {
  return node.kind === 'document' ? node.children.get(String(key)) : node.children.get(Number(key));
}

function setChild(node: DocumentDelta | ArrayDelta, key: PathComponent, child: DeltaNode): void {
  if (node.kind === 'document') node.children.set(String(key), child);
  else node.children.set(Number(key), child);
}

/**
 * Records the changes of a modifier update as mongod's V2LogBuilder does: intermediate nodes are array deltas
 * when the next component is an array index, inserted documents when the path was created by this update, and
 * sub-diffs otherwise.
 */
export class DeltaLog {
  readonly root: DocumentDelta = documentDelta();

  /** True once anything has been logged. */
  get isEmpty(): boolean {
    return this.root.children.size === 0;
  }

  /** An existing value at `path` was replaced by `value`. */
  updated(path: readonly PathComponent[], value: unknown): void {
    this.add(path, { kind: 'update', value }, undefined);
  }

  /** `path` did not exist; components from `firstNew` on were created, ending in `value`. */
  created(path: readonly PathComponent[], firstNew: number, value: unknown): void {
    this.add(path, { kind: 'insert', value }, firstNew);
  }

  /** The field at `path` was removed. */
  deleted(path: readonly PathComponent[]): void {
    this.add(path, { kind: 'delete' }, undefined);
  }

  private add(path: readonly PathComponent[], leaf: DeltaLeaf, firstNew: number | undefined): void {
    let node: DocumentDelta | ArrayDelta = this.root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as PathComponent;
      let next = childOf(node, key);
      if (!next) {
        if (typeof path[i + 1] === 'number') next = arrayDelta();
        else next = documentDelta(firstNew !== undefined && i >= firstNew);
        setChild(node, key, next);
      }
      // A value logged whole at a prefix already carries this change (its object is the one being modified).
      if (next.kind !== 'document' && next.kind !== 'array') return;
      node = next;
    }
    setChild(node, path[path.length - 1] as PathComponent, leaf);
  }
}

// ---- reading a delta as an updateDescription ---------------------------------------------------------

function isNumericStrict(s: string): boolean {
  return /^(0|[1-9]\d*)$/.test(s);
}

class DescriptionBuilder {
  readonly description: UpdateDescription = { updatedFields: {}, removedFields: [], truncatedArrays: [] };
  readonly disambiguatedPaths: DisambiguatedPaths = {};

  private note(path: readonly PathComponent[]): string {
    const dotted = path.join('.');
    const ambiguous = path.some(
      (c, i) => typeof c === 'string' && ((i > 0 && isNumericStrict(c)) || c.includes('.')),
    );
    if (ambiguous) this.disambiguatedPaths[dotted] = path.slice();
    return dotted;
  }

  updated(path: readonly PathComponent[], value: unknown): void {
    this.description.updatedFields[this.note(path)] = value;
  }

  removed(path: readonly PathComponent[]): void {
    this.description.removedFields.push(this.note(path));
  }

  truncated(path: readonly PathComponent[], newSize: number): void {
    this.description.truncatedArrays.push({ field: this.note(path), newSize });
  }
}

/** The document an inserted-document node stands for, fields in the order they were created. */
function materialize(node: DocumentDelta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, child] of node.children) {
    if (child.kind === 'insert' || child.kind === 'update') out[name] = child.value;
    else if (child.kind === 'document') out[name] = materialize(child);
  }
  return out;
}

function readDocument(node: DocumentDelta, path: PathComponent[], out: DescriptionBuilder): void {
  for (const [name, child] of node.children) {
    if (child.kind === 'update') out.updated([...path, name], child.value);
  }
  for (const [name, child] of node.children) {
    if (child.kind === 'insert') out.updated([...path, name], child.value);
    else if (child.kind === 'document' && child.inserted) out.updated([...path, name], materialize(child));
  }
  for (const [name, child] of node.children) {
    if (child.kind === 'delete') out.removed([...path, name]);
  }
  for (const [name, child] of node.children) {
    if (child.kind === 'document' && !child.inserted) readDocument(child, [...path, name], out);
    else if (child.kind === 'array') readArray(child, [...path, name], out);
  }
}

function readArray(node: ArrayDelta, path: PathComponent[], out: DescriptionBuilder): void {
  if (node.newSize !== undefined) out.truncated(path, node.newSize);
  const indexes = [...node.children.keys()].sort((a, b) => a - b);
  for (const index of indexes) {
    const child = node.children.get(index) as DeltaNode;
    const at = [...path, index];
    if (child.kind === 'update' || child.kind === 'insert') out.updated(at, child.value);
    else if (child.kind === 'document' && child.inserted) out.updated(at, materialize(child));
    else if (child.kind === 'document') readDocument(child, at, out);
    else if (child.kind === 'array') readArray(child, at, out);
  }
}

/** The change event's updateDescription for a delta, and the paths `showExpandedEvents` would disambiguate. */
export function describeDelta(root: DocumentDelta): {
  description: UpdateDescription;
  disambiguatedPaths: DisambiguatedPaths;
} {
  const out = new DescriptionBuilder();
  readDocument(root, [], out);
  return { description: out.description, disambiguatedPaths: out.disambiguatedPaths };
}

// ---- BSON size of a serialized delta (for the diff's size bail-out) ---------------------------------------

const utf8 = new TextEncoder();

function nameSize(name: string): number {
  return utf8.encode(name).length + 1;
}

/** The size of a value's BSON encoding, without its type byte and field name (a document's or array's own size). */
export function valueSize(value: unknown): number {
  // {"": value} is 4 (length) + 1 (type) + 1 (empty name) + value + 1 (terminator).
  return BSON.calculateObjectSize({ '': value }) - 7;
}

function elementSize(name: string, bodySize: number): number {
  return 1 + nameSize(name) + bodySize;
}

/**
 * The BSON size of a delta node serialized as in the oplog: a document delta is
 * `{d: {f: false}, u: {f: v}, i: {f: v}, s<f>: {...}}`, an array delta `{a: true, l: n, u<i>: v, s<i>: {...}}`.
 */
export function deltaSize(node: DocumentDelta | ArrayDelta): number {
  if (node.kind === 'array') {
    let size = 4 + elementSize('a', 1) + 1;
    if (node.newSize !== undefined) size += elementSize('l', 4);
    for (const [index, child] of node.children) {
      if (child.kind === 'update' || child.kind === 'insert') size += elementSize(`u${index}`, valueSize(child.value));
      else if (child.kind === 'document' && child.inserted) size += elementSize(`u${index}`, valueSize(materialize(child)));
      else if (child.kind === 'document' || child.kind === 'array') size += elementSize(`s${index}`, deltaSize(child));
    }
    return size;
  }
  const sections = { d: 0, u: 0, i: 0 };
  let subDiffs = 0;
  for (const [name, child] of node.children) {
    if (child.kind === 'delete') sections.d += elementSize(name, 1);
    else if (child.kind === 'update') sections.u += elementSize(name, valueSize(child.value));
    else if (child.kind === 'insert') sections.i += elementSize(name, valueSize(child.value));
    else if (child.kind === 'document' && child.inserted) sections.i += elementSize(name, valueSize(materialize(child)));
    else subDiffs += elementSize(`s${name}`, deltaSize(child));
  }
  let size = 4 + 1 + subDiffs;
  for (const [section, body] of Object.entries(sections)) {
    if (body > 0) size += elementSize(section, 4 + body + 1);
  }
  return size;
}
