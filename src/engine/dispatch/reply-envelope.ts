import { Binary, Long, type Document } from 'bson';
import { toTimestamp } from '../changes/cluster-clock.js';
import type { Engine } from '../engine.js';
import type { EngineError } from '../errors/engine-error.js';

const ZERO_SIGNATURE = { hash: new Binary(Buffer.alloc(20), 0), keyId: Long.fromNumber(0) };

/** Adds `$clusterTime` and `operationTime`, which mongod puts on every reply in a replica set. */
export function withClusterTime(engine: Engine, reply: Document): Document {
  const now = toTimestamp(engine.clock.lastApplied());
  reply.$clusterTime = { clusterTime: now, signature: ZERO_SIGNATURE };
  reply.operationTime = now;
  return reply;
}

/** The error reply for `error`, with `labels` when there are any. */
export function errorReply(error: EngineError, labels: string[]): Document {
  const reply: Document = { ok: 0, errmsg: error.message, code: error.code, codeName: error.codeName };
  if (labels.length > 0) reply.errorLabels = labels;
  return reply;
}
