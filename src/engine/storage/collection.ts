import { ObjectId, UUID, type Document } from 'bson';
import { sameBsonSize } from '../bson-size.js';
import { keyStringOf } from '../changes/keystring.js';
import type { UpdateDescription } from '../changes/oplog-entry.js';
import { EngineError } from '../errors/engine-error.js';
import type { ChangeSink } from './change-sink.js';
import type { CollectionOptions } from './collection-options.js';
import { Index, type IndexSpec } from './indexes.js';

/** The `_id_` index every collection has. */
const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * A collection's documents, in insertion order, keyed by the KeyString of `_id` (so 1, 1.0 and
 * Long(1) are one key, as in mongod). Stored documents are never mutated: a write replaces the
 * object, which lets oplog entries keep references to past versions as pre- and post-images.
 */
export class Collection {
  readonly uuid = new UUID();
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, Index>([['_id_', new Index(ID_INDEX)]]);

  constructor(
    public db: string,
    public name: string,
    public options: CollectionOptions,
    private readonly sink: ChangeSink,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get isView(): boolean {
    return this.options.viewOn !== undefined;
  }

  private get keepImages(): boolean {
    return this.options.changeStreamPreAndPostImages?.enabled === true;
  }

  /** The stored document whose `_id` equals `id`. */
  findById(id: unknown): Document | undefined {
    return this.docs.get(keyStringOf(id));
  }

  /** Inserts one document, adding an ObjectId `_id` first when it has none. Returns the stored document. */
  insert(input: Document): Document {
    // mongod stores `_id` first whatever the client sent (mongosh, for one, appends it last).
    let doc = input;
    if (input._id === undefined) doc = { _id: new ObjectId(), ...input };
    else if (Object.keys(input)[0] !== '_id') {
      doc = { _id: input._id, ...input };
      sameBsonSize(input, doc);
    }
    if (Array.isArray(doc._id)) throw new EngineError('InvalidIdField', `can't use an array for _id`);
    if (doc._id instanceof RegExp) throw new EngineError('InvalidIdField', `can't use a regex for _id`);
    const idKey = keyStringOf(doc._id);
    if (this.docs.has(idKey)) {
      throw new EngineError('DuplicateKey', `E11000 duplicate key error collection: ${this.ns} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`);
    }
    for (const index of this.indexes.values()) index.check(doc, idKey, this.ns);
    for (const index of this.indexes.values()) index.add(doc, idKey);
    this.docs.set(idKey, doc);
    this.sink.record({ op: 'insert', db: this.db, coll: this.name, uuid: this.uuid, documentKey: { _id: doc._id }, fullDocument: doc });
    return doc;
  }

  /**
   * Replaces `before` with `after` (same `_id`). `description` null means a replacement document
   * (a "replace" event); otherwise an update with that updateDescription.
   */
  replace(before: Document, after: Document, description: UpdateDescription | null): void {
    const idKey = keyStringOf(before._id);
    for (const index of this.indexes.values()) index.check(after, idKey, this.ns);
    for (const index of this.indexes.values()) index.remove(before, idKey);
    for (const index of this.indexes.values()) index.add(after, idKey);
    this.docs.set(idKey, after);
    const images = this.keepImages;
    this.sink.record({
      op: description ? 'update' : 'replace',
      db: this.db,
      coll: this.name,
      uuid: this.uuid,
      documentKey: { _id: after._id },
      ...(description ? { updateDescription: description } : { fullDocument: after }),
      ...(images ? { preImage: before, postImage: after } : {}),
    });
  }

  /** Deletes a stored document. */
  delete(doc: Document): void {
    const idKey = keyStringOf(doc._id);
    if (!this.docs.delete(idKey)) return;
    for (const index of this.indexes.values()) index.remove(doc, idKey);
    this.sink.record({
      op: 'delete',
      db: this.db,
      coll: this.name,
      uuid: this.uuid,
      documentKey: { _id: doc._id },
      ...(this.keepImages ? { preImage: doc } : {}),
    });
  }

  /** Builds a new index over the existing documents; throws DuplicateKey (leaving nothing behind) on a clash. */
  addIndex(spec: IndexSpec): void {
    const index = new Index(spec);
    for (const [idKey, doc] of this.docs) {
      index.check(doc, idKey, this.ns);
      index.add(doc, idKey);
    }
    this.indexes.set(spec.name, index);
  }
}
