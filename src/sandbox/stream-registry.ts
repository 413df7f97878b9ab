import { EventEmitter } from 'node:events';
import type { ChangeStream, ChangeStreamDocument, ChangeStreamOptions, Document } from 'mongodb';
import { guardedCall, type CallbackErrorSink } from './guarded-call.js';

/** What the harness decides for one change event: hand it to the learner's listeners, or hold it back. */
export type GateVerdict = 'deliver' | 'hold';

/**
 * Decides the fate of each event that reached the driver. 'hold' simulates a consumer outage: the driver saw the
 * event (its cached resume token moved on) but the learner's listeners never do; held events are dropped.
 */
export type StreamGate = (stream: ChangeStream, event: ChangeStreamDocument, entry: TrackedStream) => GateVerdict;

/** Where a stream watches: a collection, or a whole database when `collection` is absent. */
export interface StreamNamespace {
  db: string;
  collection?: string;
}

/** What the facade knew when it opened a stream. */
export interface StreamOrigin {
  namespace: StreamNamespace;
  pipeline: Document[];
  options: ChangeStreamOptions;
}

/** A learner 'change' listener and whether it was added with once(). */
interface ChangeListener {
  fn: (...args: never[]) => unknown;
  once: boolean;
}

/** A learner listener for another event, with the guard that really sits on the emitter. */
interface WrappedListener {
  event: string | symbol;
  fn: (...args: never[]) => unknown;
  wrapper: (...args: unknown[]) => void;
}

/** One ChangeStream handed out by the facade, in creation order. */
export interface TrackedStream {
  /** 1-based position in creation order. */
  readonly id: number;
  /** The driver's stream, the very object the learner holds. */
  readonly stream: ChangeStream;
  readonly namespace: StreamNamespace;
  /** The pipeline stages after $changeStream, as passed to watch(). */
  readonly pipeline: readonly Document[];
  /** The options passed to watch() (resumeAfter, startAfter, fullDocument...). */
  readonly options: Readonly<ChangeStreamOptions>;
  /** True once the driver closed the stream (learner close(), an error, or the session closing). */
  readonly closed: boolean;
  /**
   * True once the server answered the stream's first aggregate: only events after this point reach the driver.
   * The driver sends that aggregate when the first 'change' listener is added, not at watch().
   */
  readonly ready: boolean;
  /** Events the gate let through to the learner's listeners. */
  readonly delivered: number;
  /** Events the gate held back. */
  readonly held: number;
  /** Learner 'change' listeners currently registered. */
  readonly listenerCount: number;
}

/** Payload of 'listener-added'. */
export interface ListenerAddedEvent {
  stream: ChangeStream;
  entry: TrackedStream;
  listenerCount: number;
}

/**
 * Payload of 'delivered': the event reached `listenerCount` learner listeners. That is at least one: with no
 * learner listener the registry takes its dispatcher off the driver's stream, which then stops flowing (events wait
 * on the server until a listener is added again), as the driver does for a plain listener.
 */
export interface DeliveredEvent {
  stream: ChangeStream;
  entry: TrackedStream;
  event: ChangeStreamDocument;
  listenerCount: number;
}

/** Payload of 'held'. */
export interface HeldEvent {
  stream: ChangeStream;
  entry: TrackedStream;
  event: ChangeStreamDocument;
}

/** Events of StreamRegistry; the harness waits on them instead of sleeping. */
export interface StreamRegistryEvents {
  'stream-opened': [TrackedStream];
  'stream-ready': [TrackedStream];
  'stream-closed': [TrackedStream];
  'listener-added': [ListenerAddedEvent];
  delivered: [DeliveredEvent];
  held: [HeldEvent];
}

/** The EventEmitter methods the registry takes over on each stream it tracks. */
const ADDERS = ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener'] as const;

/**
 * Every ChangeStream the facade hands out. Learner 'change' listeners are not put on the driver's stream: one
 * dispatcher per stream is, and it asks the gate before calling them, so the harness sees and controls what
 * reached the learner. Listeners for any event run guarded: their errors go to the session as snippet errors.
 */
export class StreamRegistry extends EventEmitter<StreamRegistryEvents> {
  readonly #entries: TrackedStream[] = [];
  #gate: StreamGate | undefined;

  constructor(private readonly reportError: CallbackErrorSink) {
    super();
  }

  /** Tracked streams in creation order. */
  get streams(): readonly TrackedStream[] {
    return this.#entries;
  }

  /** The entry of a driver stream (for instance a learner binding), if the facade created it. */
  entryFor(stream: unknown): TrackedStream | undefined {
    return this.#entries.find((entry) => entry.stream === stream);
  }

  /** Installs the gate; undefined delivers everything (the default). */
  setGate(gate: StreamGate | undefined): void {
    this.#gate = gate;
  }

  /** Starts tracking a stream the facade just opened and returns it, unchanged in identity, for the learner. */
  track(stream: ChangeStream, origin: StreamOrigin): ChangeStream {
    const emitter = Object.getPrototypeOf(stream) as EventEmitter;
    const changeListeners: ChangeListener[] = [];
    const wrapped: WrappedListener[] = [];
    const state = { ready: false, delivered: 0, held: 0 };
    const entry: TrackedStream = {
      id: this.#entries.length + 1,
      stream,
      namespace: origin.namespace,
      pipeline: origin.pipeline,
      options: origin.options,
      get closed() {
        return stream.closed;
      },
      get ready() {
        return state.ready;
      },
      get delivered() {
        return state.delivered;
      },
      get held() {
        return state.held;
      },
      get listenerCount() {
        return changeListeners.length;
      },
    };
    this.#entries.push(entry);

    const dispatcher = (event: ChangeStreamDocument) => {
      const verdict = this.#gate ? this.#gate(stream, event, entry) : 'deliver';
      if (verdict === 'hold') {
        state.held++;
        this.emit('held', { stream, entry, event });
        return;
      }
      state.delivered++;
      const listeners = [...changeListeners];
      for (const listener of listeners) if (listener.once) removeChange(listener.fn);
      for (const listener of listeners) guardedCall(listener.fn, stream, [event], "a 'change' listener", this.reportError);
      this.emit('delivered', { stream, entry, event, listenerCount: listeners.length });
    };
    const addChange = (fn: ChangeListener['fn'], once: boolean, prepend: boolean) => {
      // The first 'change' listener on the driver's stream starts its flow (or throws in iterator mode), so it
      // goes on before the learner's listener is recorded.
      if (changeListeners.length === 0) emitter.on.call(stream, 'change', dispatcher);
      if (prepend) changeListeners.unshift({ fn, once });
      else changeListeners.push({ fn, once });
      this.emit('listener-added', { stream, entry, listenerCount: changeListeners.length });
    };
    const removeChange = (fn?: ChangeListener['fn']) => {
      if (fn === undefined) changeListeners.length = 0;
      else {
        const at = changeListeners.findLastIndex((l) => l.fn === fn);
        if (at >= 0) changeListeners.splice(at, 1);
      }
      if (changeListeners.length === 0) emitter.removeListener.call(stream, 'change', dispatcher);
    };
    const addOther = (event: string | symbol, fn: WrappedListener['fn'], once: boolean, prepend: boolean) => {
      const record: WrappedListener = {
        event,
        fn,
        wrapper: (...args: unknown[]) => {
          if (once) removeOther(event, fn);
          guardedCall(fn, stream, args, `a '${String(event)}' listener`, this.reportError);
        },
      };
      wrapped.push(record);
      (prepend ? emitter.prependListener : emitter.on).call(stream, event, record.wrapper);
    };
    const removeOther = (event: string | symbol | undefined, fn?: WrappedListener['fn']) => {
      for (let i = wrapped.length - 1; i >= 0; i--) {
        const record = wrapped[i]!;
        if ((event !== undefined && record.event !== event) || (fn !== undefined && record.fn !== fn)) continue;
        emitter.removeListener.call(stream, record.event, record.wrapper);
        wrapped.splice(i, 1);
        if (fn !== undefined) return;
      }
    };

    const override = (method: string, value: (...args: never[]) => ChangeStream) =>
      Object.defineProperty(stream, method, { configurable: true, writable: true, value });
    for (const method of ADDERS) {
      const once = method === 'once' || method === 'prependOnceListener';
      const prepend = method.startsWith('prepend');
      override(method, (event: string | symbol, fn: ChangeListener['fn']) => {
        if (typeof fn !== 'function') throw new TypeError(`The "listener" argument must be of type function. Received ${typeof fn}`);
        if (event === 'change') addChange(fn, once, prepend);
        else addOther(event, fn, once, prepend);
        return stream;
      });
    }
    for (const method of ['off', 'removeListener']) {
      override(method, (event: string | symbol, fn: ChangeListener['fn']) => {
        if (event === 'change') removeChange(fn);
        else removeOther(event, fn);
        return stream;
      });
    }
    override('removeAllListeners', (event?: string | symbol) => {
      // Only the learner's listeners: the driver's own and the registry's must stay.
      if (event === undefined || event === 'change') removeChange();
      if (event !== 'change') removeOther(event);
      return stream;
    });

    // Without an 'error' listener an EventEmitter throws, which would end the host; report it to the learner.
    emitter.on.call(stream, 'error', (error: unknown) => this.reportError(error, `the change stream on ${describe(origin.namespace)}`));
    emitter.on.call(stream, 'close', () => this.emit('stream-closed', entry));
    (stream as unknown as { cursor?: EventEmitter }).cursor?.once('init', () => {
      state.ready = true;
      this.emit('stream-ready', entry);
    });
    this.emit('stream-opened', entry);
    return stream;
  }

  /** Closes every tracked stream that is still open. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(this.#entries.filter((e) => !e.closed).map((e) => e.stream.close()));
  }
}

/** `db.collection` or `db` for messages. */
function describe(namespace: StreamNamespace): string {
  return namespace.collection ? `${namespace.db}.${namespace.collection}` : namespace.db;
}
