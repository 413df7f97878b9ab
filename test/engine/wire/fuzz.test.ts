import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BSON, type Document } from 'bson';
import { encodeOpMsgReply } from '../../../src/engine/wire/messages.js';
import { startChildEngine, type ChildEngine } from '../../support/child-engine.js';
import { seededRandom } from '../../support/random.js';
import { connect } from '../../support/targets.js';
import { until } from '../../support/until.js';

/** How many frames the fuzzer sends; the issue asks for at least 10,000. */
const FRAMES = 10_000;
/** Connections in flight at once. */
const CONCURRENCY = 32;
/** Fixed seed: a failure reproduces exactly. */
const SEED = 20261125;

/** Commands whose encodings are mutated; an OP_MSG request has the same layout as the engine's replies. */
const SEEDS: Document[] = [
  { hello: 1, $db: 'admin' },
  { insert: 'fuzz', documents: [{ _id: 1, a: 'x' }], $db: 'fuzz' },
  { find: 'fuzz', filter: { a: { $gt: 1 } }, $db: 'fuzz' },
  { aggregate: 'fuzz', pipeline: [{ $changeStream: {} }], cursor: {}, $db: 'fuzz' },
  { update: 'fuzz', updates: [{ q: {}, u: { $set: { b: 1 } } }], $db: 'fuzz' },
  { getMore: 1, collection: 'fuzz', $db: 'fuzz' },
];

function legacyHello(): Buffer {
  const query = BSON.serialize({ ismaster: 1, helloOk: true });
  const name = Buffer.from('admin.$cmd\0');
  const out = Buffer.alloc(16 + 4 + name.length + 8 + query.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(1, 4);
  out.writeInt32LE(2004, 12);
  name.copy(out, 20);
  out.writeInt32LE(-1, 20 + name.length + 4);
  out.set(query, 20 + name.length + 8);
  return out;
}

function makeFrame(random: () => number, i: number): Buffer {
  const pick = random();
  if (pick < 0.1) {
    const junk = Buffer.alloc(16 + Math.floor(random() * 200));
    for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(random() * 256);
    if (random() < 0.5) junk.writeInt32LE(junk.length, 0);
    return junk;
  }
  const base = pick < 0.2 ? legacyHello() : encodeOpMsgReply(i, 0, SEEDS[Math.floor(random() * SEEDS.length)]!);
  const frame = Buffer.from(base);
  const mutation = random();
  if (mutation < 0.6) {
    const flips = 1 + Math.floor(random() * 8);
    for (let f = 0; f < flips; f++) frame[Math.floor(random() * frame.length)] = Math.floor(random() * 256);
    return frame;
  }
  if (mutation < 0.75) return frame.subarray(0, Math.floor(random() * frame.length));
  if (mutation < 0.85) {
    frame.writeInt32LE(Math.floor(random() * 0x7fffffff) * (random() < 0.2 ? -1 : 1), 0);
    return frame;
  }
  if (mutation < 0.95) {
    const extra = Buffer.alloc(Math.floor(random() * 64), Math.floor(random() * 256));
    const longer = Buffer.concat([frame, extra]);
    longer.writeInt32LE(longer.length, 0);
    return longer;
  }
  return frame;
}

/** Sends one frame on its own connection, half-closes, and resolves when the server has closed it. */
function send(port: number, frame: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(frame));
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

describe('wire fuzz', () => {
  let engine: ChildEngine;
  beforeAll(async () => {
    engine = await startChildEngine();
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it(`survives ${FRAMES} random and mutated frames and keeps serving`, async () => {
    const random = seededRandom(SEED);
    const frames = Array.from({ length: FRAMES }, (_, i) => makeFrame(random, i));
    let next = 0;
    const worker = async () => {
      while (next < frames.length) await send(engine.port, frames[next++]!);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(engine.process.exitCode).toBeNull();
    await until(engine.logLines, 'line', () => engine.log.some((line) => line.includes('closing:')), 'a "closing:" log line');
    expect(engine.log.filter((line) => line.startsWith('BUG'))).toEqual([]);
    const client = await connect(engine.uri);
    try {
      const coll = client.db('afterfuzz').collection('ok');
      await coll.insertOne({ still: 'alive' });
      expect(await coll.findOne({}, { projection: { _id: 0 } })).toEqual({ still: 'alive' });
    } finally {
      await client.close();
    }
  });

  it('closes a connection that announces a message over 48 MB, and only that one', async () => {
    const client = await connect(engine.uri);
    try {
      const header = Buffer.alloc(16);
      header.writeInt32LE(48_000_001, 0);
      header.writeInt32LE(2013, 12);
      await send(engine.port, header);
      await until(engine.logLines, 'line', () => engine.log.some((line) => line.includes('invalid message length 48000001')), 'the 48 MB rejection in the log');
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    } finally {
      await client.close();
    }
  });
});
