import { EventEmitter } from 'node:events';
import { EJSON } from 'bson';
import type { ChangeStreamDocument, Collection, Db } from 'mongodb';
import type { SandboxSession } from '../sandbox/session.js';
import type { TrackedStream } from '../sandbox/stream-registry.js';
import type { Binding, ChangeStreamOpen, CheckResult, Failure, Harness, LearnerStream, Order, Replay } from './api.js';
import { OrderGenerator } from './orders.js';
import { hashName, integerIn, seededRandom } from './random.js';
import type { TimelineEntry } from './timeline.js';

/** How a SessionHarness is set up. */
export interface HarnessOptions {
  readonly seed: number;
  readonly timeoutMs: number;
  /** The lesson's collection in the session's database. */
  readonly collection: string;
}

/** Longest printed value in a message before it is cut. */
const MAX_SHOWN_CHARS = 160;

/**
 * The server-side wait of each getMore on replayAfter()'s own stream. Its first tryNext() sends the aggregate and
 * then one getMore, which would otherwise hold for the server's default second when nothing is there to replay.
 */
const REPLAY_AWAIT_MS = 5;

/**
 * The Harness of src/grading/api.ts over one SandboxSession. It runs in the sandbox host: it sees the learner's
 * streams through the session's StreamRegistry, the commands through its CommandLog, and inserts orders through the
 * session's client.
 */
export class SessionHarness implements Harness {
  readonly db: Db;
  readonly collection: Collection<Order>;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly shared: Record<string, unknown> = {};
  /** Every entry so far; the grader reads it at the end of a run. */
  readonly timeline: TimelineEntry[] = [];
  /** The step being graded, for timeline entries. */
  step = '';
  readonly #session: SandboxSession;
  readonly #orders: OrderGenerator;
  readonly #inserted = new Map<string, Order>();
  /** The order of each event seen so far, by the event's resume token as canonical Extended JSON. */
  readonly #tokens = new Map<string, string>();
  readonly #views = new Map<number, StreamView>();
  /** Fires on every registry event, so waits re-check their condition. */
  readonly #changes = new EventEmitter();

  constructor(session: SandboxSession, options: HarnessOptions) {
    this.#session = session;
    this.db = session.db;
    this.collection = session.db.collection<Order>(options.collection);
    this.seed = options.seed;
    this.timeoutMs = options.timeoutMs;
    this.#orders = new OrderGenerator(options.seed);
    const streams = session.streams;
    for (const entry of streams.streams) this.#view(entry);
    streams.on('stream-opened', (entry) => {
      this.#view(entry);
      this.#note('stream-opened', entry.id);
    });
    streams.on('stream-closed', (entry) => {
      this.#note('stream-closed', entry.id);
      this.#changed();
    });
    streams.on('stream-ready', () => this.#changed());
    streams.on('listener-added', () => this.#changed());
    streams.on('delivered', ({ entry, event, listenerCount }) => {
      // Nobody heard an event that passed the gate with no learner listener, so it was not delivered.
      if (listenerCount === 0) return;
      this.#view(entry).delivered.push(event);
      this.#note('delivered', entry.id, this.#remember(event));
      this.#changed();
    });
    streams.on('held', ({ entry, event }) => {
      this.#view(entry).held.push(event);
      this.#note('held', entry.id, this.#remember(event));
      this.#changed();
    });
  }

  binding(name: string): Binding {
    const bindings = this.#session.bindings();
    return { declared: Object.hasOwn(bindings, name), value: bindings[name] };
  }

  stream(value: unknown): LearnerStream | undefined {
    const entry = this.#session.streams.entryFor(value);
    return entry === undefined ? undefined : this.#view(entry);
  }

  get streams(): readonly LearnerStream[] {
    return this.#session.streams.streams.map((entry) => this.#view(entry));
  }

  count(name: string, min: number, max: number): number {
    return integerIn(seededRandom(this.seed ^ hashName(name)), min, max);
  }

  async insertOrders(n: number): Promise<Order[]> {
    const orders = this.#orders.take(n);
    for (const order of orders) {
      this.#inserted.set(order._id, order);
      this.#note('inserted', undefined, order._id);
      await this.collection.insertOne({ ...order });
    }
    return orders;
  }

  orderOf(event: ChangeStreamDocument): Order | undefined {
    const id = (event as { documentKey?: { _id?: unknown } }).documentKey?._id;
    return typeof id === 'string' ? this.#inserted.get(id) : undefined;
  }

  async waitUntilReady(stream: LearnerStream): Promise<boolean> {
    await this.waitFor(() => stream.ready || stream.closed);
    return stream.ready;
  }

  async waitForDelivered(stream: LearnerStream, orders: readonly Order[]): Promise<boolean> {
    const arrived = () => orders.every((order) => stream.delivered.some((event) => this.orderOf(event)?._id === order._id));
    await this.waitFor(() => arrived() || stream.closed || stream.listenerCount === 0);
    return arrived();
  }

  waitFor(condition: () => boolean): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (condition()) finish(true);
      };
      const timer = setTimeout(() => finish(condition()), this.timeoutMs);
      const finish = (result: boolean) => {
        clearTimeout(timer);
        this.#changes.off('change', check);
        resolve(result);
      };
      this.#changes.on('change', check);
    });
  }

  startOutage(stream: LearnerStream): void {
    this.#session.streams.setGate((_stream, _event, entry) => (entry.id === stream.id ? 'hold' : 'deliver'));
    this.#note('outage-started', stream.id);
  }

  endOutage(): void {
    this.#session.streams.setGate(undefined);
    this.#note('outage-ended');
  }

  commandMark(): number {
    return this.#session.commands.records.at(-1)?.requestId ?? 0;
  }

  changeStreamOpens(mark = 0): ChangeStreamOpen[] {
    return this.#session.commands.byName('aggregate').flatMap((record) => {
      const stage = (record.command.pipeline as { $changeStream?: object }[] | undefined)?.[0]?.$changeStream;
      if (record.requestId <= mark || stage === undefined) return [];
      const target = record.command.aggregate;
      return [{ requestId: record.requestId, ...(typeof target === 'string' ? { collection: target } : {}), stage }];
    });
  }

  async replayAfter(token: unknown): Promise<Replay> {
    const stream = this.collection.watch([], { resumeAfter: token as object, maxAwaitTimeMS: REPLAY_AWAIT_MS });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const events: ChangeStreamDocument[] = [];
      // tryNext() returns once the aggregate (and one short getMore) answered: the stream is open before the sentinel.
      const first = await Promise.race([stream.tryNext(), deadline]);
      if (first !== null) events.push(first);
      const [sentinel] = await this.insertOrders(1);
      for (;;) {
        const event = await Promise.race([stream.next(), deadline]);
        if (this.orderOf(event)?._id === sentinel!._id) return { ok: true, events };
        events.push(event);
      }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      await stream.close().catch(() => undefined);
    }
  }

  same(a: unknown, b: unknown): boolean {
    if (a === undefined || b === undefined) return a === b;
    const text = canonical(a);
    return text !== '' && text === canonical(b);
  }

  show(value: unknown): string {
    const text = this.#describe(value, 0);
    return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;
  }

  pass(name: string, message: string): CheckResult {
    return { name, status: 'pass', message };
  }

  fail(name: string, failure: Failure): CheckResult {
    const expected = this.show(failure.expected);
    const actual = this.show(failure.actual);
    return {
      name,
      status: 'fail',
      message: `${failure.problem}. Expected ${expected}, got ${actual}. Fix: ${failure.fix}`,
      expected,
      actual,
    };
  }

  /** Records whose event a token is, and returns the event's order id. */
  #remember(event: ChangeStreamDocument): string | undefined {
    const order = this.orderOf(event)?._id;
    if (order !== undefined) this.#tokens.set(canonical(event._id), order);
    return order;
  }

  /**
   * A value in words: a resume token the harness saw as the event of an order (two tokens differ only deep inside
   * their hex, so naming the order is what makes them readable), other values the shell's way. Text at the top
   * level is a description and stays unquoted.
   */
  #describe(value: unknown, depth: number): string {
    if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'string') return depth === 0 ? value : `'${value}'`;
    if (typeof value === 'function') return `a function${value.name ? ` ${value.name}` : ''}`;
    if (typeof value !== 'object') return String(value);
    const order = this.#tokens.get(canonical(value));
    if (order !== undefined) return `the resume token of ${order}'s event`;
    if ('_bsontype' in value) return EJSON.stringify(value, { relaxed: true });
    if (Array.isArray(value)) return `[${value.map((v) => this.#describe(v, depth + 1)).join(', ')}]`;
    // Learner values come from the sandbox's own realm: classes are told apart by name, not by prototype.
    const kind = (value as { constructor?: { name?: string } }).constructor?.name;
    if (kind !== undefined && kind !== 'Object') return `a ${kind}`;
    const entries = Object.entries(value);
    const data = (value as { _data?: unknown })._data;
    if (entries.length === 1 && typeof data === 'string') return `a resume token of no event here ({ _data: '${data.slice(0, 20)}…' })`;
    return `{ ${entries.map(([k, v]) => `${k}: ${this.#describe(v, depth + 1)}`).join(', ')} }`;
  }

  #view(entry: TrackedStream): StreamView {
    let view = this.#views.get(entry.id);
    if (view === undefined) {
      view = new StreamView(entry);
      this.#views.set(entry.id, view);
    }
    return view;
  }

  #note(kind: TimelineEntry['kind'], stream?: number, order?: string): void {
    this.timeline.push({ step: this.step, kind, ...(stream === undefined ? {} : { stream }), ...(order === undefined ? {} : { order }) });
  }

  #changed(): void {
    this.#changes.emit('change');
  }
}

/** A LearnerStream over a registry entry, with the events the harness recorded for it. */
class StreamView implements LearnerStream {
  readonly delivered: ChangeStreamDocument[] = [];
  readonly held: ChangeStreamDocument[] = [];

  constructor(readonly entry: TrackedStream) {}

  get id() {
    return this.entry.id;
  }
  get stream() {
    return this.entry.stream;
  }
  get namespace() {
    return this.entry.namespace;
  }
  get options() {
    return this.entry.options;
  }
  get closed() {
    return this.entry.closed;
  }
  get ready() {
    return this.entry.ready;
  }
  get listenerCount() {
    return this.entry.listenerCount;
  }
}

/** A BSON value as canonical Extended JSON, the form in which two tokens are compared; '' when it has none. */
function canonical(value: unknown): string {
  try {
    return EJSON.stringify(value, { relaxed: false });
  } catch {
    return '';
  }
}
