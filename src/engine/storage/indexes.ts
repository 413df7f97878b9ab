import type { Document } from 'bson';
import { keyStringOf } from '../changes/keystring.js';
import { EngineError } from '../errors/engine-error.js';
import { compileFilter } from '../query/filter.js';
import { getPath } from './paths.js';

/** An index as listIndexes shows it: `{v: 2, key, name, ...options}`. */
export interface IndexSpec extends Document {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
}

/**
 * One index. Only unique indexes keep entries (to reject duplicates with 11000); the engine scans
 * collections for queries, so other indexes are metadata that listIndexes and the driver see.
 */
export class Index {
  private readonly entries = new Map<string, string>();
  private readonly fields: string[];
  private readonly partial: ((doc: Document) => boolean) | undefined;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : undefined;
  }

  get name(): string {
    return this.spec.name;
  }

  get isUnique(): boolean {
    return this.spec.unique === true || this.spec.name === '_id_';
  }

  /** Throws DuplicateKey if `doc` (stored under `idKey`) would collide with another document. */
  check(doc: Document, idKey: string, ns: string): void {
    const key = this.keyOf(doc);
    if (key === undefined) return;
    const owner = this.entries.get(key);
    if (owner !== undefined && owner !== idKey) {
      const dupKey = this.fields.map((f) => `${f}: ${JSON.stringify(getPath(doc, f) ?? null)}`).join(', ');
      throw new EngineError('DuplicateKey', `E11000 duplicate key error collection: ${ns} index: ${this.name} dup key: { ${dupKey} }`);
    }
  }

  add(doc: Document, idKey: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined) this.entries.set(key, idKey);
  }

  remove(doc: Document, idKey: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined && this.entries.get(key) === idKey) this.entries.delete(key);
  }

  // undefined: the document is not in this index (not unique, sparse and missing, or outside the partial filter).
  private keyOf(doc: Document): string | undefined {
    if (!this.isUnique || this.name === '_id_') return undefined;
    if (this.partial && !this.partial(doc)) return undefined;
    const values = this.fields.map((f) => getPath(doc, f));
    if (this.spec.sparse && values.every((v) => v === undefined)) return undefined;
    return values.map((v) => keyStringOf(v ?? null)).join('\u0000|');
  }
}
