import { inspect } from 'node:util';
import type { ChangeStream, ChangeStreamOptions, CreateCollectionOptions, Db, Document, MongoClient } from 'mongodb';
import { DatabaseNotAllowedError } from '../errors.js';
import type { StreamRegistry } from '../stream-registry.js';
import { ShellCollection } from './collection.js';
import { withLookup } from './lookup-proxy.js';
import { runAllowedCommand } from './run-command.js';
import { watchArguments } from './watch-arguments.js';

/** What every database facade of one session shares. */
export interface FacadeScope {
  client: MongoClient;
  registry: StreamRegistry;
  /** The learner's own database. */
  ownDbName: string;
  /** When true, getSiblingDB() refuses any database but the learner's own (grading). */
  restrictToDb: boolean;
}

/**
 * The shell's `db`: a few database methods, and any other property name resolves to a collection (mongosh's
 * rules, see lookup-proxy.ts).
 */
export class ShellDatabase {
  readonly #db: Db;
  readonly #scope: FacadeScope;
  readonly #collections = new Map<string, ShellCollection>();
  /** The proxy learners hold, handed to collections for getDB(). */
  readonly #self: ShellDatabase;

  /** Returns the learner-facing object: this database behind mongosh's property lookup, as mongosh does. */
  constructor(db: Db, scope: FacadeScope) {
    this.#db = db;
    this.#scope = scope;
    this.#self = withLookup(this, (name) => this.getCollection(name));
    return this.#self;
  }

  /** The database's name. */
  getName(): string {
    return this.#db.databaseName;
  }

  /** The collection of that name; the same object each time, as `db.orders === db.orders` is in mongosh. */
  getCollection(name: string): ShellCollection {
    let collection = this.#collections.get(name);
    if (!collection) {
      collection = new ShellCollection(this.#db.collection(name), this.#scope.registry, this.#self, (sub) => this.getCollection(sub));
      this.#collections.set(name, collection);
    }
    return collection;
  }

  /** Names of the collections, sorted. */
  async getCollectionNames(): Promise<string[]> {
    const collections = await this.#db.listCollections({}, { nameOnly: true }).toArray();
    return collections.map((c) => c.name).sort();
  }

  /** Another database, unless the session is restricted to its own. */
  getSiblingDB(name: string): ShellDatabase {
    if (this.#scope.restrictToDb && name !== this.#scope.ownDbName) throw new DatabaseNotAllowedError(name, this.#scope.ownDbName);
    return new ShellDatabase(this.#scope.client.db(name), this.#scope);
  }

  /** A command from the allow-list (run-command.ts), against this database. */
  runCommand(command: string | Document): Promise<Document> {
    return runAllowedCommand(this.#db, command);
  }

  /** Creates a collection explicitly (mongosh answers `{ ok: 1 }`). */
  async createCollection(name: string, options?: CreateCollectionOptions): Promise<Document> {
    await this.#db.createCollection(name, options);
    return { ok: 1 };
  }

  /** Drops this database (mongosh answers `{ ok: 1, dropped: name }`). */
  async dropDatabase(): Promise<Document> {
    await this.#db.dropDatabase();
    return { ok: 1, dropped: this.getName() };
  }

  /** A change stream on the whole database: the driver's ChangeStream, as for collections. */
  watch(pipelineOrOptions?: Document[] | ChangeStreamOptions, options?: ChangeStreamOptions): ChangeStream {
    const { pipeline, options: streamOptions } = watchArguments(pipelineOrOptions, options);
    return this.#scope.registry.track(this.#db.watch(pipeline, streamOptions), { namespace: { db: this.getName() }, pipeline, options: streamOptions });
  }

  /** The name, as mongosh prints `db`. */
  toString(): string {
    return this.getName();
  }

  [inspect.custom](): string {
    return this.getName();
  }
}
