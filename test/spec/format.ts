/**
 * The subset of MongoDB's unified test format (schema 1.x, up to 1.7) that the change-stream spec files use.
 * Field meanings follow source/unified-test-format/unified-test-format.md in mongodb/specifications; values are
 * what an Extended JSON parser (relaxed) produces, so they are left as `unknown` where the format allows any BSON.
 */

/** A document as parsed from a test file or received from the driver. */
export type Doc = Record<string, unknown>;

/** One alternative of `runOnRequirements`: the test runs when any alternative is met. */
export interface RunOnRequirement {
  /** Inclusive lower bound on the server version ("4.2", "6.0.0"). */
  minServerVersion?: string;
  /** Inclusive upper bound on the server version ("4.2.99"). */
  maxServerVersion?: string;
  /** Topologies the test may run on: single, replicaset, sharded, sharded-replicaset, load-balanced. */
  topologies?: string[];
  /** require | forbid | allow: whether the target must (not) be Atlas Serverless. */
  serverless?: string;
}

/** `client` entity description. */
export interface ClientEntitySpec {
  /** Entity name. */
  id: string;
  /** URI options added to (and overriding) the target's connection string. */
  uriOptions?: Doc;
  /** Only meaningful on sharded clusters; a replica set has a single seed list either way. */
  useMultipleMongoses?: boolean;
  /** Event kinds recorded for `expectEvents` (commandStartedEvent, commandSucceededEvent, commandFailedEvent). */
  observeEvents?: string[];
  /** Command names whose monitoring events are dropped. */
  ignoreCommandMonitoringEvents?: string[];
  /** Keeps events of security-sensitive commands (hello with speculative auth, sasl*, ...). */
  observeSensitiveCommands?: boolean;
}

/** Read/write concern and read preference given to a database or collection entity. */
export interface CollectionOrDatabaseOptions {
  /** `{ level }` */
  readConcern?: Doc;
  /** `{ mode, tagSets?, maxStalenessSeconds?, hedge? }` */
  readPreference?: Doc;
  /** `{ w?, journal?, wtimeoutMS? }` */
  writeConcern?: Doc;
}

/** `database` entity description. */
export interface DatabaseEntitySpec {
  /** Entity name. */
  id: string;
  /** Name of the client entity it is created from. */
  client: string;
  /** Database name on the server. */
  databaseName: string;
  /** Options for the driver's Db object. */
  databaseOptions?: CollectionOrDatabaseOptions;
}

/** `collection` entity description. */
export interface CollectionEntitySpec {
  /** Entity name. */
  id: string;
  /** Name of the database entity it is created from. */
  database: string;
  /** Collection name on the server. */
  collectionName: string;
  /** Options for the driver's Collection object. */
  collectionOptions?: CollectionOrDatabaseOptions;
}

/** `session` entity description. */
export interface SessionEntitySpec {
  /** Entity name. */
  id: string;
  /** Name of the client entity it is started from. */
  client: string;
  /** Options for `MongoClient.startSession`. */
  sessionOptions?: Doc;
}

/** One element of `createEntities`: exactly one of the keys is present. */
export interface EntitySpec {
  /** A MongoClient. */
  client?: ClientEntitySpec;
  /** A Db. */
  database?: DatabaseEntitySpec;
  /** A Collection. */
  collection?: CollectionEntitySpec;
  /** An explicit ClientSession. */
  session?: SessionEntitySpec;
}

/** Contents of one collection before a test (`initialData`). */
export interface CollectionData {
  /** Collection name. */
  collectionName: string;
  /** Database name. */
  databaseName: string;
  /** Options for the `create` command. */
  createOptions?: Doc;
  /** Documents inserted after the collection is (re)created. */
  documents: Doc[];
}

/** Assertions on an error an operation must raise. */
export interface ExpectedError {
  /** Any error at all. */
  isError?: true;
  /** true: raised by the driver (validation, network); false: derived from a server reply. */
  isClientError?: boolean;
  /** Case-insensitive substring of the message. */
  errorContains?: string;
  /** The server's `code`. */
  errorCode?: number;
  /** The server's `codeName`, compared case-insensitively. */
  errorCodeName?: string;
  /** Labels the error must carry. */
  errorLabelsContain?: string[];
  /** Labels the error must not carry. */
  errorLabelsOmit?: string[];
  /** Root-level match against the server's error reply. */
  errorResponse?: Doc;
}

/** One operation of a test. */
export interface Operation {
  /** Method name (insertOne, createChangeStream, failPoint...). */
  name: string;
  /** Entity name, or "testRunner" for special operations. */
  object: string;
  /** Named arguments of the method, options included. */
  arguments?: Doc;
  /** Error the operation must raise. */
  expectError?: ExpectedError;
  /** Value the result must match. */
  expectResult?: unknown;
  /** Entity name under which the result is stored. */
  saveResultAsEntity?: string;
  /** Skip all result and error assertions. */
  ignoreResultAndError?: boolean;
}

/** Assertions on one observed command monitoring event: exactly one key is present. */
export interface ExpectedEvent {
  /** A CommandStartedEvent. */
  commandStartedEvent?: ExpectedCommandEvent;
  /** A CommandSucceededEvent. */
  commandSucceededEvent?: ExpectedCommandEvent;
  /** A CommandFailedEvent. */
  commandFailedEvent?: ExpectedCommandEvent;
}

/** Fields of a command monitoring event assertion; which ones apply depends on the event kind. */
export interface ExpectedCommandEvent {
  /** Root-level match against the command document (started events). */
  command?: Doc;
  /** Root-level match against the reply document (succeeded events). */
  reply?: Doc;
  /** Exact command name. */
  commandName?: string;
  /** Exact database name. */
  databaseName?: string;
  /** Whether a non-zero serviceId (load balancers) is set. */
  hasServiceId?: boolean;
  /** Whether a positive server connection id is set. */
  hasServerConnectionId?: boolean;
}

/** Events expected on one client, in order. */
export interface ExpectedEventsForClient {
  /** Client entity name. */
  client: string;
  /** command (default), cmap or sdam: only command is supported here. */
  eventType?: string;
  /** Expected events in order. */
  events: ExpectedEvent[];
  /** When true, events after the expected ones are allowed. */
  ignoreExtraEvents?: boolean;
}

/** One test case. */
export interface TestCase {
  /** Test name. */
  description: string;
  /** Alternatives, in addition to the file's own. */
  runOnRequirements?: RunOnRequirement[];
  /** When set, the test is skipped with this reason. */
  skipReason?: string;
  /** Operations in order. */
  operations: Operation[];
  /** Events expected per client. */
  expectEvents?: ExpectedEventsForClient[];
  /** Collection contents expected afterwards. */
  outcome?: CollectionData[];
}

/** A whole test file. */
export interface TestFile {
  /** Name of the file's purpose. */
  description: string;
  /** Format version the file complies with. */
  schemaVersion: string;
  /** Alternatives; the whole file is skipped when none is met. */
  runOnRequirements?: RunOnRequirement[];
  /** Entities created before every test. */
  createEntities?: EntitySpec[];
  /** Collection contents set up before every test. */
  initialData?: CollectionData[];
  /** The tests. */
  tests: TestCase[];
}
