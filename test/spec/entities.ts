import {
  ReadPreference,
  type ChangeStream,
  type ClientSession,
  type Collection,
  type Db,
  type MongoClient,
  type ReadPreferenceMode,
  type TagSet,
} from 'mongodb';
import type { ClientEntitySpec, CollectionOrDatabaseOptions, Doc, EntitySpec } from './format.js';
import type { ClientPool } from './client-pool.js';
import { withDeadline } from './deadline.js';
import { RunnerError } from './errors.js';
import { EventRecorder } from './events.js';
import type { MatchContext } from './match.js';

/** A client entity: the driver client plus what the runner tracks about it. */
export interface ClientEntity {
  kind: 'client';
  /** The driver client (from the pool). */
  client: MongoClient;
  /** How the test file described it. */
  spec: ClientEntitySpec;
  /** Its observed command events. */
  recorder: EventRecorder;
  /** Set by the `close` operation: a closed client must not go back to the pool. */
  closed: boolean;
}

/** Anything the entity map can hold. */
export type Entity =
  | ClientEntity
  | { kind: 'database'; db: Db }
  | { kind: 'collection'; collection: Collection }
  | { kind: 'session'; session: ClientSession }
  | { kind: 'changeStream'; stream: ChangeStream }
  | { kind: 'value'; value: unknown };

/** Entity kinds, for typed lookups. */
export type EntityKind = Entity['kind'];

/** How long closing one change stream or ending one session may take at the end of a test. */
const TEARDOWN_DEADLINE_MS = 5_000;

/** The per-test map of named entities, with the uniqueness and type checks the format requires. */
export class EntityMap {
  private readonly entities = new Map<string, Entity>();

  /** Stores `entity` under `name`; a name can only be used once per test. */
  set(name: string, entity: Entity): void {
    if (this.entities.has(name)) throw new RunnerError(`entity ${JSON.stringify(name)} already exists`);
    this.entities.set(name, entity);
  }

  /** The entity called `name`, which must be of `kind`. */
  get<K extends EntityKind>(name: string, kind: K): Extract<Entity, { kind: K }> {
    const entity = this.entities.get(name);
    if (!entity) throw new RunnerError(`no entity named ${JSON.stringify(name)}`);
    if (entity.kind !== kind) {
      throw new RunnerError(`entity ${JSON.stringify(name)} is a ${entity.kind}, not a ${kind}`);
    }
    return entity as Extract<Entity, { kind: K }>;
  }

  /** The entity called `name`, whatever its kind. */
  find(name: string): Entity | undefined {
    return this.entities.get(name);
  }

  /** All client entities, in creation order. */
  clients(): [string, ClientEntity][] {
    return [...this.entities].filter((pair): pair is [string, ClientEntity] => pair[1].kind === 'client');
  }

  /** Lookups for `$$matchesEntity` (stored results) and `$$sessionLsid` (session entities). */
  matchContext(): MatchContext {
    return {
      entity: (name) => this.get(name, 'value').value,
      sessionLsid: (name) => this.get(name, 'session').session.id,
    };
  }

  /**
   * Closes change streams and ends sessions, then hands clients back to `pool` when `reusable`, or closes them.
   * Stream and session teardown errors are ignored: the format says close errors must be suppressed.
   */
  async dispose(pool: ClientPool, reusable: boolean): Promise<void> {
    for (const entity of this.entities.values()) {
      if (entity.kind === 'changeStream') await quietly(entity.stream.close(), 'closing a change stream');
      if (entity.kind === 'session') await quietly(entity.session.endSession(), 'ending a session');
    }
    for (const [, entity] of this.clients()) {
      entity.recorder.stop();
      if (reusable && !entity.closed) pool.release(entity.client);
      else await pool.discard(entity.client);
    }
    this.entities.clear();
  }
}

async function quietly(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await withDeadline(promise, TEARDOWN_DEADLINE_MS, what);
  } catch {
    // Suppressed on purpose (see dispose).
  }
}

/** Driver options for a Db or Collection from the format's readConcern / readPreference / writeConcern. */
function driverOptions(options: CollectionOrDatabaseOptions | undefined): Doc {
  if (!options) return {};
  const result: Doc = {};
  if (options.readConcern) result.readConcern = options.readConcern;
  if (options.writeConcern) result.writeConcern = options.writeConcern;
  if (options.readPreference) result.readPreference = toReadPreference(options.readPreference);
  return result;
}

/** The driver's ReadPreference for the format's `{ mode, tagSets, maxStalenessSeconds, hedge }`. */
export function toReadPreference(spec: Doc): ReadPreference {
  const { mode, tagSets, maxStalenessSeconds, hedge } = spec as {
    mode: ReadPreferenceMode;
    tagSets?: TagSet[];
    maxStalenessSeconds?: number;
    hedge?: Doc;
  };
  return new ReadPreference(mode, tagSets, { maxStalenessSeconds, hedge });
}

/** Creates the entities of `specs` in order (each may refer to earlier ones) and stores them in `map`. */
export async function createEntities(specs: EntitySpec[], map: EntityMap, pool: ClientPool): Promise<void> {
  for (const spec of specs) {
    const kinds = Object.keys(spec);
    if (kinds.length !== 1) throw new RunnerError(`an entity needs exactly one kind, got ${kinds.join(', ')}`);
    if (spec.client) {
      const client = await pool.acquire(spec.client.uriOptions);
      const recorder = new EventRecorder(client, spec.client);
      map.set(spec.client.id, { kind: 'client', client, spec: spec.client, recorder, closed: false });
      recorder.start();
    } else if (spec.database) {
      const { id, client, databaseName, databaseOptions } = spec.database;
      const db = map.get(client, 'client').client.db(databaseName, driverOptions(databaseOptions));
      map.set(id, { kind: 'database', db });
    } else if (spec.collection) {
      const { id, database, collectionName, collectionOptions } = spec.collection;
      const collection = map.get(database, 'database').db.collection(collectionName, driverOptions(collectionOptions));
      map.set(id, { kind: 'collection', collection });
    } else if (spec.session) {
      const { id, client, sessionOptions } = spec.session;
      map.set(id, { kind: 'session', session: map.get(client, 'client').client.startSession(sessionOptions) });
    } else {
      throw new RunnerError(`unsupported entity kind ${kinds[0]}`);
    }
  }
}
