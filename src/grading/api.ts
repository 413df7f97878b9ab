import type { ChangeStream, ChangeStreamDocument, ChangeStreamOptions, Collection, Db, Document } from 'mongodb';

/**
 * The API a lesson's checks module is written against (docs/authoring-lessons.md). A checks module is JavaScript
 * (`checks.js`, typed with JSDoc against these types) that exports `checks`, one entry per step. It runs inside the
 * sandbox host, next to the learner's objects, and is handed a Harness for each step.
 */

/** The outcome of one check, as the report shows it. */
export interface CheckResult {
  /** Short kebab-case name, unique in its step: `listener-registered`. */
  readonly name: string;
  readonly status: 'pass' | 'fail';
  /** For a pass, what was confirmed; for a failure, what happened, what was expected and what to change. */
  readonly message: string;
  /** What the check wanted, printed compactly (failures only). */
  readonly expected?: string;
  /** What it found instead (failures only). */
  readonly actual?: string;
}

/** What a failing check must say; Harness.fail() builds the message from it. */
export interface Failure {
  /** What went wrong, as one clause: "resumeToken still holds the first event's token". */
  readonly problem: string;
  /** The value or state the check wanted (a value is printed the shell's way). */
  readonly expected: unknown;
  /** The value or state it found. */
  readonly actual: unknown;
  /** What to change in the learner's code: "assign change._id in every call of the listener". */
  readonly fix: string;
}

/** A seeded order as the harness inserts it. */
export interface Order {
  /** `order-0001`, `order-0002`...: deterministic, so two runs with one seed insert the same documents. */
  readonly _id: string;
  /** 1-based number of the order in the run. */
  readonly orderNo: number;
  readonly customer: string;
  readonly item: string;
  readonly quantity: number;
  /** Price in cents times quantity. */
  readonly totalCents: number;
}

/** A change stream that the learner's code opened through the shell facade, as the harness sees it. */
export interface LearnerStream {
  /** 1-based position in the order the learner opened streams. */
  readonly id: number;
  /** The driver's ChangeStream, the very object the learner holds. */
  readonly stream: ChangeStream;
  /** The database and (for a collection stream) the collection it watches. */
  readonly namespace: { readonly db: string; readonly collection?: string };
  /** The options the learner passed to watch(), which the driver sends in its `$changeStream` stage. */
  readonly options: Readonly<ChangeStreamOptions>;
  readonly closed: boolean;
  /** True once the server answered the stream's aggregate: only events after this point reach the driver. */
  readonly ready: boolean;
  /** Learner 'change' listeners currently registered. */
  readonly listenerCount: number;
  /** Events that reached the learner's listeners, in order. */
  readonly delivered: readonly ChangeStreamDocument[];
  /** Events the outage gate held back from the learner's listeners, in order. */
  readonly held: readonly ChangeStreamDocument[];
}

/** A `$changeStream` aggregate the driver sent, read from command monitoring. */
export interface ChangeStreamOpen {
  /** The driver's request id; later commands have larger ones. */
  readonly requestId: number;
  /** The collection the aggregate ran on, or undefined for a database-wide stream. */
  readonly collection?: string;
  /** The `$changeStream` stage's options: resumeAfter, startAfter, startAtOperationTime... */
  readonly stage: Readonly<Document>;
}

/** What `Harness.replayAfter()` found. */
export type Replay =
  | { readonly ok: true; readonly events: readonly ChangeStreamDocument[] }
  | { readonly ok: false; readonly error: string };

/** A learner's top-level binding. */
export interface Binding {
  /** False when the learner's code never declared the name. */
  readonly declared: boolean;
  readonly value: unknown;
}

/**
 * Everything a check needs, for one run of a lesson (one learner, one submission, or one rebuild of the state for a
 * later step). Waits are event-driven and end at `timeoutMs`; none sleeps for a fixed time.
 */
export interface Harness {
  /** The learner's database, through the driver (not the shell facade). */
  readonly db: Db;
  /** The lesson's collection in that database, through the driver. */
  readonly collection: Collection<Order>;
  /** The seed of this grading run: the same seed inserts the same orders in the same counts. */
  readonly seed: number;
  /** How long each wait may take before it gives up. */
  readonly timeoutMs: number;
  /** Values the checks of one step leave for the checks of later steps in the same run. */
  readonly shared: Record<string, unknown>;

  /** The learner's top-level binding of that name, read at the moment of the call. */
  binding(name: string): Binding;
  /** The tracked stream for a value (for instance `binding('changeStream').value`), or undefined for anything else. */
  stream(value: unknown): LearnerStream | undefined;
  /** Every stream the learner's code opened, in order. */
  readonly streams: readonly LearnerStream[];

  /** A whole number in [min, max] drawn from the seed; the same `name` gives the same number for the whole run. */
  count(name: string, min: number, max: number): number;
  /** Inserts the next `n` seeded orders, one insert each, and resolves with them once the server acknowledged them. */
  insertOrders(n: number): Promise<Order[]>;
  /** The seeded order an event is about, or undefined for documents the harness did not insert. */
  orderOf(event: ChangeStreamDocument): Order | undefined;

  /** Resolves true once the stream's cursor is open on the server, false at the timeout or if it closes first. */
  waitUntilReady(stream: LearnerStream): Promise<boolean>;
  /**
   * Resolves true once every one of `orders` has reached the learner's listeners on `stream`; false at the timeout,
   * or as soon as the stream can deliver nothing more (it closed, or its last listener was removed, as once() does).
   */
  waitForDelivered(stream: LearnerStream, orders: readonly Order[]): Promise<boolean>;
  /**
   * Resolves true once `condition()` holds, re-checking whenever a stream event happens (opened, ready, closed,
   * listener added, event delivered or held); false at the timeout.
   */
  waitFor(condition: () => boolean): Promise<boolean>;

  /** Starts a simulated consumer outage: events still reach the driver on `stream`, but not the learner's listeners. */
  startOutage(stream: LearnerStream): void;
  /** Ends the outage: events flow to the learner's listeners again. */
  endOutage(): void;

  /** A mark for changeStreamOpens(): the request id of the last command sent so far. */
  commandMark(): number;
  /** The `$changeStream` aggregates the driver sent after `mark` (all of them without one), in order. */
  changeStreamOpens(mark?: number): ChangeStreamOpen[];

  /**
   * Opens a stream of its own (not the learner's) with `resumeAfter: token`, inserts one sentinel order, and
   * returns every event that came before the sentinel: what a consumer resuming from `token` would replay.
   */
  replayAfter(token: unknown): Promise<Replay>;

  /** True when two BSON values are equal (compared as canonical Extended JSON): resume tokens, ids. */
  same(a: unknown, b: unknown): boolean;
  /** A value printed compactly the shell's way, for messages. */
  show(value: unknown): string;
  /** A passing result. */
  pass(name: string, message: string): CheckResult;
  /** A failing result whose message says what happened, what was expected, what was found and what to change. */
  fail(name: string, failure: Failure): CheckResult;
}

/** How one step is graded. */
export interface StepChecks {
  /** Runs before the learner's code for the step: set-up such as a simulated outage. */
  before?(h: Harness): Promise<void>;
  /**
   * Grades the step once the learner's code ran; resolves with the results in the order they should be shown.
   * The step passes when every result passes.
   */
  check(h: Harness): Promise<CheckResult[]>;
}

/** What a checks module exports as `checks`: one entry per step id of the lesson, and no others. */
export type LessonChecks = Readonly<Record<string, StepChecks>>;

/**
 * What a checks module may export as `explanations`: for a learner binding name, what to tell a learner whose code
 * uses it before declaring it ("declare it in step capture-token with `let resumeToken = null`").
 */
export type LessonExplanations = Readonly<Record<string, string>>;
