import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeStreamDocument } from 'mongodb';
import type { SnippetError } from '../../src/sandbox/api.js';
import { SandboxSession } from '../../src/sandbox/session.js';
import type { HeldEvent, ListenerAddedEvent, TrackedStream } from '../../src/sandbox/stream-registry.js';
import { forEachTarget } from '../support/suite.js';
import { uniqueDbName } from '../support/targets.js';
import { until } from '../support/until.js';
import { evaluateAll, TEST_LIMITS } from './support.js';

/** The learner's part of the lesson: a stream on orders whose listener records each order number. */
const LISTENING = "const seen = []\nconst changeStream = db.orders.watch()\nchangeStream.on('change', (event) => seen.push(event.fullDocument.n))";

/** Waits until the stream's first aggregate was answered: inserts before that point would not reach the driver. */
function ready(session: SandboxSession, entry: TrackedStream): Promise<void> {
  return until(session.streams, 'stream-ready', () => entry.ready, `stream ${entry.id} to open`);
}

/** Waits until `count` events passed the gate of `entry`. */
function delivered(session: SandboxSession, entry: TrackedStream, count: number): Promise<void> {
  return until(session.streams, 'delivered', () => entry.delivered >= count, `${count} events delivered on stream ${entry.id}`);
}

/** Resolves with the next error the session records outside an evaluation. */
function nextError(session: SandboxSession): Promise<SnippetError> {
  return new Promise((resolve) => {
    const stop = session.onError((error) => {
      stop();
      resolve(error);
    });
  });
}

describe.each(
  forEachTarget((ctx) => {
    let session: SandboxSession | undefined;
    const open = () => (session = new SandboxSession({ uri: ctx.target.uri, dbName: uniqueDbName('sbx'), limits: TEST_LIMITS }));
    afterEach(() => session?.close());

    it('announces streams and listeners, and counts deliveries a test can wait for', async () => {
      const s = open();
      const added: ListenerAddedEvent[] = [];
      s.streams.on('listener-added', (event) => added.push(event));
      await evaluateAll(s, [LISTENING]);
      const entry = s.streams.streams[0]!;
      expect(added).toMatchObject([{ stream: entry.stream, entry, listenerCount: 1 }]);
      await ready(s, entry);
      const deliveries: ChangeStreamDocument[] = [];
      s.streams.on('delivered', ({ event, listenerCount }) => {
        expect(listenerCount).toBe(1);
        deliveries.push(event);
      });
      await s.db.collection('orders').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
      await delivered(s, entry, 4);
      expect(s.bindings().seen).toEqual([1, 2, 3, 4]);
      expect(deliveries.map((e) => e._id)).toHaveLength(4);
      expect(entry).toMatchObject({ id: 1, delivered: 4, held: 0, listenerCount: 1, closed: false });
    });

    it("holds events back from learner listeners while the gate says 'hold', and drops them", async () => {
      const s = open();
      await evaluateAll(s, [LISTENING]);
      const entry = s.streams.streams[0]!;
      await ready(s, entry);
      const orders = s.db.collection('orders');
      await orders.insertOne({ n: 1 });
      await delivered(s, entry, 1);

      const held: HeldEvent[] = [];
      s.streams.on('held', (event) => held.push(event));
      s.streams.setGate(() => 'hold');
      await orders.insertMany([{ n: 2 }, { n: 3 }]);
      await until(s.streams, 'held', () => held.length === 2, '2 held events');
      expect(s.bindings().seen).toEqual([1]);
      // The driver did see the held events: its cached resume token moved past them.
      expect(entry.stream.resumeToken).toEqual(held[1]!.event._id);

      s.streams.setGate(undefined);
      await orders.insertOne({ n: 4 });
      await delivered(s, entry, 2);
      expect(s.bindings().seen).toEqual([1, 4]);
      expect(entry).toMatchObject({ delivered: 2, held: 2 });
    });

    it('reports a listener that throws as a runtime error of the next result, at its line in the snippet that defined it', async () => {
      const s = open();
      await evaluateAll(s, ["const changeStream = db.orders.watch()\nchangeStream.on('change', (event) => {\n  print('got', event.fullDocument.n)\n  event.nope.boom\n})"]);
      const entry = s.streams.streams[0]!;
      await ready(s, entry);
      await s.db.collection('orders').insertMany([{ n: 1 }, { n: 2 }]);
      await delivered(s, entry, 2);
      const result = await s.evaluate("print('next step')");
      expect(result.output.map((l) => l.text)).toEqual(['got 1', 'got 2', 'next step']);
      expect(result.ok).toBe(false);
      expect(result.error).toMatchObject({
        kind: 'runtime',
        name: 'TypeError',
        message: "Cannot read properties of undefined (reading 'boom') (in a 'change' listener)",
        position: { line: 4, column: 14, evaluation: 1 },
      });
      expect(result.additionalErrors).toHaveLength(1);
      expect(entry.closed).toBe(false);
    });

    it('reports an async listener whose promise rejects', async () => {
      const s = open();
      await evaluateAll(s, ["db.orders.watch().on('change', async () => { await db.orders.insertOne({ _id: 'dup' }); await db.orders.insertOne({ _id: 'dup' }) })"]);
      const entry = s.streams.streams[0]!;
      await ready(s, entry);
      const failed = nextError(s);
      await s.db.collection('orders').insertOne({ n: 1 });
      await failed;
      const { errors } = s.drainOutput();
      expect(errors[0]).toMatchObject({ name: 'MongoServerError', message: expect.stringContaining("(in a 'change' listener)"), explanation: expect.stringMatching(/already exists/) });
    });

    it('supports once() and removeListener() for learner listeners', async () => {
      const s = open();
      await evaluateAll(s, [
        "const log = []\nconst changeStream = db.orders.watch()\nconst always = (e) => log.push('always ' + e.fullDocument.n)\nchangeStream.once('change', (e) => log.push('once ' + e.fullDocument.n))\nchangeStream.on('change', always)",
      ]);
      const entry = s.streams.streams[0]!;
      await ready(s, entry);
      const orders = s.db.collection('orders');
      await orders.insertOne({ n: 1 });
      await delivered(s, entry, 1);
      await orders.insertOne({ n: 2 });
      await delivered(s, entry, 2);
      await evaluateAll(s, ["changeStream.removeListener('change', always)"]);
      expect(entry.listenerCount).toBe(0);
      expect(s.bindings().log).toEqual(['once 1', 'always 1', 'always 2']);
    });

    it('reports a stream that fails (a resume token the server rejects) instead of crashing', async () => {
      const s = open();
      const failed = nextError(s);
      await evaluateAll(s, ["db.orders.watch([], { resumeAfter: { _data: 'not-a-token' } }).on('change', () => {})"]);
      await failed;
      const result = await s.evaluate('1');
      expect(result.error).toMatchObject({ kind: 'runtime', message: expect.stringContaining(`(in the change stream on ${s.db.databaseName}.orders)`) });
    });
  }),
)('src/sandbox/stream-registry.ts on %s', (_kind, body) => body());
