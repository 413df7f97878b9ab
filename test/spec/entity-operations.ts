import type { ChangeStream, Collection, Db, Document, IndexSpecification, MongoClient } from 'mongodb';
import type { Doc } from './format.js';
import type { Entity, EntityKind, EntityMap } from './entities.js';
import type { FailPointRegistry } from './fail-points.js';

/** What a handler may use besides its target and arguments. */
export interface HandlerContext {
  /** The test's entities (for `client` arguments of special operations). */
  entities: EntityMap;
  /** Where `failPoint` records what it configured. */
  failPoints: FailPointRegistry;
}

/** One supported operation: its arguments and what it does. */
export interface OperationHandler {
  /** Arguments that must be present. */
  required: string[];
  /** Arguments that may be present; anything else is refused. */
  optional: string[];
  /** Runs the operation on the resolved target entity; the result is what `expectResult` is matched against. */
  run(target: Entity, args: Doc, context: HandlerContext): Promise<unknown>;
}

/** Options the driver's `watch` accepts and the change-stream files pass to `createChangeStream`. */
const CHANGE_STREAM_OPTIONS = [
  'batchSize',
  'collation',
  'comment',
  'fullDocument',
  'fullDocumentBeforeChange',
  'maxAwaitTimeMS',
  'resumeAfter',
  'session',
  'showExpandedEvents',
  'startAfter',
  'startAtOperationTime',
];

/** Options of `create` that `createCollection` passes through. */
const CREATE_COLLECTION_OPTIONS = [
  'capped',
  'changeStreamPreAndPostImages',
  'clusteredIndex',
  'collation',
  'expireAfterSeconds',
  'max',
  'pipeline',
  'session',
  'size',
  'timeseries',
  'validationAction',
  'validationLevel',
  'validator',
  'viewOn',
];

const WRITE_OPTIONS = ['bypassDocumentValidation', 'comment', 'session'];
const FILTERED_WRITE_OPTIONS = [...WRITE_OPTIONS, 'collation', 'hint', 'let'];

/**
 * The driver's `watch` is lazy: the aggregate only goes out on the first iteration, and iterating could consume
 * an event or send a getMore the test does not expect. The driver keeps `cursor.cursorInit()` for exactly this
 * runner operation (it is marked internal, hence the narrow cast).
 */
async function openChangeStream(stream: ChangeStream): Promise<ChangeStream> {
  const cursor = (stream as unknown as { cursor: { cursorInit(): Promise<void> } }).cursor;
  await cursor.cursorInit();
  return stream;
}

function watchHandler(watch: (target: Entity, pipeline: Document[], options: Doc) => ChangeStream): OperationHandler {
  return {
    required: ['pipeline'],
    optional: CHANGE_STREAM_OPTIONS,
    run: (target, { pipeline, ...options }) => openChangeStream(watch(target, pipeline as Document[], options)),
  };
}

const asClient = (target: Entity): MongoClient => (target as Extract<Entity, { kind: 'client' }>).client;
const asDb = (target: Entity): Db => (target as Extract<Entity, { kind: 'database' }>).db;
const asCollection = (target: Entity): Collection => (target as Extract<Entity, { kind: 'collection' }>).collection;
const asStream = (target: Entity): ChangeStream => (target as Extract<Entity, { kind: 'changeStream' }>).stream;

/** Supported operations by the kind of entity they run on ("testRunner" for special operations). */
export const OPERATIONS: Partial<Record<EntityKind | 'testRunner', Record<string, OperationHandler>>> = {
  client: {
    createChangeStream: watchHandler((target, pipeline, options) => asClient(target).watch(pipeline, options)),
    close: {
      required: [],
      optional: [],
      async run(target) {
        const entity = target as Extract<Entity, { kind: 'client' }>;
        entity.closed = true;
        await entity.client.close();
        return undefined;
      },
    },
  },
  database: {
    createChangeStream: watchHandler((target, pipeline, options) => asDb(target).watch(pipeline, options)),
    runCommand: {
      // commandName only helps languages whose documents lose key order; JS objects keep it.
      required: ['command', 'commandName'],
      optional: ['readPreference', 'session'],
      run: (target, { command, commandName: _unused, ...options }) => asDb(target).command(command as Doc, options),
    },
    createCollection: {
      required: ['collection'],
      optional: CREATE_COLLECTION_OPTIONS,
      async run(target, { collection, ...options }) {
        await asDb(target).createCollection(String(collection), options);
        return undefined;
      },
    },
    dropCollection: {
      required: ['collection'],
      optional: ['session'],
      run: (target, { collection, ...options }) => asDb(target).dropCollection(String(collection), options),
    },
  },
  collection: {
    createChangeStream: watchHandler((target, pipeline, options) => asCollection(target).watch(pipeline, options)),
    insertOne: {
      required: ['document'],
      optional: WRITE_OPTIONS,
      // The driver adds _id to the document it is given; copy so the parsed test file stays untouched.
      run: (target, { document, ...options }) => asCollection(target).insertOne({ ...(document as Doc) }, options),
    },
    updateOne: {
      required: ['filter', 'update'],
      optional: [...FILTERED_WRITE_OPTIONS, 'arrayFilters', 'sort', 'upsert'],
      run: (target, { filter, update, ...options }) =>
        asCollection(target).updateOne(filter as Doc, update as Doc | Doc[], options),
    },
    replaceOne: {
      required: ['filter', 'replacement'],
      optional: [...FILTERED_WRITE_OPTIONS, 'sort', 'upsert'],
      run: (target, { filter, replacement, ...options }) =>
        asCollection(target).replaceOne(filter as Doc, { ...(replacement as Doc) }, options),
    },
    deleteOne: {
      required: ['filter'],
      optional: FILTERED_WRITE_OPTIONS,
      run: (target, { filter, ...options }) => asCollection(target).deleteOne(filter as Doc, options),
    },
    createIndex: {
      required: ['keys'],
      optional: ['collation', 'expireAfterSeconds', 'hidden', 'name', 'partialFilterExpression', 'session', 'sparse', 'unique'],
      run: (target, { keys, ...options }) => asCollection(target).createIndex(keys as IndexSpecification, options),
    },
    dropIndex: {
      required: ['name'],
      optional: ['session'],
      run: (target, { name, ...options }) => asCollection(target).dropIndex(String(name), options),
    },
    rename: {
      required: ['to'],
      optional: ['dropTarget', 'session'],
      async run(target, { to, ...options }) {
        await asCollection(target).rename(String(to), options);
        return undefined;
      },
    },
  },
  changeStream: {
    iterateUntilDocumentOrError: { required: [], optional: [], run: (target) => asStream(target).next() },
    // tryNext answers from the buffer or sends exactly one getMore, which is what iterateOnce asks for.
    iterateOnce: {
      required: [],
      optional: [],
      run: async (target) => (await asStream(target).tryNext()) ?? undefined,
    },
    close: {
      required: [],
      optional: [],
      async run(target) {
        // Errors from killCursors are not the test's business (the format says to suppress them).
        await asStream(target).close().catch(() => undefined);
        return undefined;
      },
    },
  },
  testRunner: {
    failPoint: {
      required: ['client', 'failPoint'],
      optional: [],
      async run(_target, { client, failPoint }, { entities, failPoints }) {
        await failPoints.configure(entities.get(String(client), 'client').client, failPoint as Doc);
        return undefined;
      },
    },
  },
};
