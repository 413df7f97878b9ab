import type { Document } from 'bson';
import { EngineError } from '../errors/engine-error.js';
import type { ChangeSink } from './change-sink.js';
import { Collection } from './collection.js';
import type { CollectionOptions } from './collection-options.js';
import type { IndexSpec } from './indexes.js';

/** Names a client may not create or write to. */
const INTERNAL_DATABASES = new Set(['local', 'config']);

/**
 * Databases and their collections. A database exists while it has a collection, as in mongod.
 * Every DDL change is reported to the sink in the order mongod writes it to the oplog.
 */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  constructor(private readonly sink: ChangeSink) {}

  databaseNames(): string[] {
    return [...this.databases.keys()].filter((db) => (this.databases.get(db)?.size ?? 0) > 0).sort();
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly (as by a first insert) when missing. */
  ensure(db: string, name: string): Collection {
    return this.get(db, name) ?? this.create(db, name, {});
  }

  /** Creates a collection or view; 48 NamespaceExists when the name is taken. */
  create(db: string, name: string, options: CollectionOptions): Collection {
    validateNamespace(db, name);
    if (this.get(db, name)) throw new EngineError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    const collection = new Collection(db, name, options, this.sink);
    this.database(db).set(name, collection);
    const description: Document = options.viewOn !== undefined
      ? { viewOn: options.viewOn, pipeline: options.pipeline ?? [] }
      : { idIndex: { v: 2, key: { _id: 1 }, name: '_id_' }, ...creationOptions(options) };
    this.sink.record({ op: 'create', db, coll: name, uuid: collection.uuid, operationDescription: description });
    return collection;
  }

  /** Drops a collection; false when it did not exist. */
  drop(db: string, name: string): boolean {
    const collection = this.get(db, name);
    if (!collection) return false;
    this.database(db).delete(name);
    this.sink.record({ op: 'drop', db, coll: name, uuid: collection.uuid });
    return true;
  }

  /** Drops every collection of `db` (one drop entry each), then logs dropDatabase. */
  dropDatabase(db: string): void {
    const collections = this.databases.get(db);
    if (!collections || collections.size === 0) return;
    for (const name of [...collections.keys()]) this.drop(db, name);
    this.databases.delete(db);
    this.sink.record({ op: 'dropDatabase', db });
  }

  /** Renames a collection, keeping its UUID; replaces an existing target only with dropTarget. */
  rename(from: { db: string; coll: string }, to: { db: string; coll: string }, dropTarget: boolean): void {
    const source = this.get(from.db, from.coll);
    if (!source) throw new EngineError('NamespaceNotFound', `Source collection ${from.db}.${from.coll} does not exist`);
    validateNamespace(to.db, to.coll);
    const target = this.get(to.db, to.coll);
    if (target && !dropTarget) throw new EngineError('NamespaceExists', `target namespace exists`);
    if (target) this.database(to.db).delete(to.coll);
    this.database(from.db).delete(from.coll);
    source.db = to.db;
    source.name = to.coll;
    this.database(to.db).set(to.coll, source);
    const description: Document = { to: { ...to }, ...(target ? { dropTarget: target.uuid } : {}) };
    this.sink.record({ op: 'rename', db: from.db, coll: from.coll, uuid: source.uuid, to: { ...to }, operationDescription: description });
  }

  /** Changes collection options (collMod), logging a modify event with the state before. */
  modify(collection: Collection, changes: CollectionOptions): void {
    const before = { ...collection.options };
    collection.options = { ...collection.options, ...changes };
    this.sink.record({
      op: 'modify',
      db: collection.db,
      coll: collection.name,
      uuid: collection.uuid,
      operationDescription: { ...changes },
      stateBeforeChange: { collectionOptions: { uuid: collection.uuid, ...before } },
    });
  }

  /** Adds indexes and logs one createIndexes entry per index, as mongod's commitIndexBuild does. */
  createIndexes(collection: Collection, specs: IndexSpec[]): void {
    for (const spec of specs) {
      collection.addIndex(spec);
      this.sink.record({ op: 'createIndexes', db: collection.db, coll: collection.name, uuid: collection.uuid, operationDescription: { indexes: [spec] } });
    }
  }

  /** Removes an index by name and logs dropIndexes. */
  dropIndex(collection: Collection, name: string): void {
    const index = collection.indexes.get(name);
    if (!index) throw new EngineError('IndexNotFound', `index not found with name [${name}]`);
    collection.indexes.delete(name);
    this.sink.record({ op: 'dropIndexes', db: collection.db, coll: collection.name, uuid: collection.uuid, operationDescription: { indexes: [index.spec] } });
  }

  private database(db: string): Map<string, Collection> {
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    return collections;
  }
}

function creationOptions(options: CollectionOptions): Document {
  const { viewOn: _viewOn, pipeline: _pipeline, ...rest } = options;
  return rest;
}

/** mongod's namespace rules for names a client creates (InvalidNamespace, 73). */
export function validateNamespace(db: string, coll: string): void {
  if (db.length === 0 || /[/\\. "$\0]/.test(db)) throw new EngineError('InvalidNamespace', `Invalid database name: '${db}'`);
  if (INTERNAL_DATABASES.has(db)) throw new EngineError('InvalidNamespace', `Invalid namespace specified '${db}.${coll}'`);
  if (coll.length === 0 || coll.includes('\0') || coll.startsWith('.') || coll.includes('$')) {
    throw new EngineError('InvalidNamespace', `Invalid collection name: ${coll}`);
  }
}
