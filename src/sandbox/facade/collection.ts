import { inspect } from 'node:util';
import type {
  AggregateOptions,
  AggregationCursor,
  ChangeStream,
  ChangeStreamOptions,
  Collection,
  CountDocumentsOptions,
  CreateIndexesOptions,
  DeleteOptions,
  DeleteResult,
  Document,
  Filter,
  FindCursor,
  FindOptions,
  IndexSpecification,
  InsertManyResult,
  InsertOneOptions,
  InsertOneResult,
  ReplaceOptions,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
  WithId,
} from 'mongodb';
import type { StreamRegistry } from '../stream-registry.js';
import { withLookup } from './lookup-proxy.js';
import { watchArguments } from './watch-arguments.js';

/**
 * A collection as learners use it in the shell: the common methods, each a thin call into the driver's
 * Collection, so results and errors are the driver's. Driver objects are kept private so that learner code only
 * reaches what is listed here (and the cursors and change streams it returns).
 */
export class ShellCollection {
  readonly #collection: Collection;
  readonly #registry: StreamRegistry;
  readonly #database: object;

  /**
   * Returns the learner-facing object: this collection behind mongosh's lookup, where an unknown property is a
   * sub-collection (`db.orders.archive` is `orders.archive`), found through `subCollection`.
   */
  constructor(collection: Collection, registry: StreamRegistry, database: object, subCollection: (name: string) => unknown) {
    this.#collection = collection;
    this.#registry = registry;
    this.#database = database;
    return withLookup(this, (name) => subCollection(`${collection.collectionName}.${name}`));
  }

  /** The collection's name. */
  getName(): string {
    return this.#collection.collectionName;
  }

  /** `database.collection`. */
  getFullName(): string {
    return this.#collection.namespace;
  }

  /** The database this collection belongs to (the shell's `db` object for it). */
  getDB(): object {
    return this.#database;
  }

  insertOne(document: Document, options?: InsertOneOptions): Promise<InsertOneResult> {
    return this.#collection.insertOne(document, options);
  }

  insertMany(documents: Document[], options?: InsertOneOptions): Promise<InsertManyResult> {
    return this.#collection.insertMany(documents, options);
  }

  /** mongosh's `find(filter, projection, options)`; the driver's FindCursor (toArray, forEach, sort, limit...). */
  find(filter: Filter<Document> = {}, projection?: Document, options?: FindOptions): FindCursor<WithId<Document>> {
    return this.#collection.find(filter, projection ? { ...options, projection } : options);
  }

  findOne(filter: Filter<Document> = {}, projection?: Document, options?: FindOptions): Promise<WithId<Document> | null> {
    return this.#collection.findOne(filter, projection ? { ...options, projection } : options);
  }

  updateOne(filter: Filter<Document>, update: UpdateFilter<Document> | Document[], options?: UpdateOptions): Promise<UpdateResult> {
    return this.#collection.updateOne(filter, update, options);
  }

  updateMany(filter: Filter<Document>, update: UpdateFilter<Document> | Document[], options?: UpdateOptions): Promise<UpdateResult> {
    return this.#collection.updateMany(filter, update, options);
  }

  replaceOne(filter: Filter<Document>, replacement: Document, options?: ReplaceOptions): Promise<UpdateResult> {
    return this.#collection.replaceOne(filter, replacement, options);
  }

  deleteOne(filter: Filter<Document> = {}, options?: DeleteOptions): Promise<DeleteResult> {
    return this.#collection.deleteOne(filter, options);
  }

  deleteMany(filter: Filter<Document> = {}, options?: DeleteOptions): Promise<DeleteResult> {
    return this.#collection.deleteMany(filter, options);
  }

  countDocuments(filter: Filter<Document> = {}, options?: CountDocumentsOptions): Promise<number> {
    return this.#collection.countDocuments(filter, options);
  }

  estimatedDocumentCount(): Promise<number> {
    return this.#collection.estimatedDocumentCount();
  }

  distinct(key: string, filter: Filter<Document> = {}): Promise<unknown[]> {
    return this.#collection.distinct(key, filter);
  }

  /** `aggregate([stages], options)`, or mongosh's `aggregate(stage1, stage2, ...)`. */
  aggregate(...args: unknown[]): AggregationCursor<Document> {
    const [first, options] = args;
    return Array.isArray(first)
      ? this.#collection.aggregate(first as Document[], options as AggregateOptions | undefined)
      : this.#collection.aggregate(args as Document[]);
  }

  /**
   * The driver's ChangeStream, so `.on('change', ...)` works (mongosh returns an iterator-only cursor instead).
   * Accepts `watch(pipeline, options)` and, as mongosh does, `watch(options)`.
   */
  watch(pipelineOrOptions?: Document[] | ChangeStreamOptions, options?: ChangeStreamOptions): ChangeStream {
    const { pipeline, options: streamOptions } = watchArguments(pipelineOrOptions, options);
    const stream = this.#collection.watch(pipeline, streamOptions);
    return this.#registry.track(stream, {
      namespace: { db: this.#collection.dbName, collection: this.#collection.collectionName },
      pipeline,
      options: streamOptions,
    });
  }

  drop(): Promise<boolean> {
    return this.#collection.drop();
  }

  createIndex(keys: IndexSpecification, options?: CreateIndexesOptions): Promise<string> {
    return this.#collection.createIndex(keys, options);
  }

  getIndexes(): Promise<Document[]> {
    return this.#collection.listIndexes().toArray();
  }

  /** The namespace, as mongosh prints a collection. */
  toString(): string {
    return this.getFullName();
  }

  [inspect.custom](): string {
    return this.getFullName();
  }
}
