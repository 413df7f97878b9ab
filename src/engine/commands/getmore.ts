import { Long } from 'bson';
import { ChangeStreamCursor, DEFAULT_AWAIT_MS } from '../changes/change-stream-cursor.js';
import { QueryCursor } from '../cursors/cursor.js';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { cursorReply, plainBatchSize } from './_internal.js';
import { int, required } from './_params.js';

/**
 * getMore implements `getMore`. On a change stream it waits up to maxTimeMS (1 s by default) for
 * an event and then answers an empty batch, never MaxTimeMSExpired.
 */
export const getMore: CommandSpec = {
  name: 'getMore',
  help: 'next batch of a cursor',
  handler: async (ctx) => {
    const { engine, body, db } = ctx;
    const rawId = body.getMore;
    if (!(rawId instanceof Long) && typeof rawId !== 'number') {
      throw new EngineError('TypeMismatch', `BSON field 'getMore.getMore' is the wrong type, expected type 'long'`, 'getMore');
    }
    const id = rawId instanceof Long ? rawId.toBigInt() : BigInt(rawId);
    const collection = required<string>(ctx, 'collection', 'string');
    const batchSize = plainBatchSize(ctx);
    const cursor = engine.cursors.get(id);
    if (!cursor) throw new EngineError('CursorNotFound', `cursor id ${id} not found`);
    if (cursor.ns !== `${db}.${collection}`) {
      throw new EngineError('Unauthorized', `Requested getMore on namespace '${db}.${collection}', but cursor belongs to a different namespace ${cursor.ns}`);
    }
    if (cursor instanceof ChangeStreamCursor) {
      ctx.markChangeStream();
      try {
        const failure = engine.failPoints.failGetMoreAfterCheckout();
        if (failure) throw failure;
        const maxTimeMS = int(ctx, 'maxTimeMS') ?? DEFAULT_AWAIT_MS;
        const batch = await cursor.awaitBatch(batchSize || Number.MAX_SAFE_INTEGER, maxTimeMS, ctx.connection.signal);
        if (batch.invalidated) engine.cursors.remove(id);
        return cursorReply(cursor.ns, batch.invalidated ? 0n : id, 'nextBatch', batch.events, {
          postBatchResumeToken: batch.postBatchResumeToken,
          ...(batch.invalidated ? { invalidated: true } : {}),
        });
      } catch (err) {
        // A failed change-stream getMore leaves the cursor unusable, as in mongod; the driver resumes with a new one.
        engine.cursors.kill(id);
        throw err;
      }
    }
    const { batch, exhausted } = (cursor as QueryCursor).next(batchSize || undefined);
    if (exhausted) engine.cursors.remove(id);
    return cursorReply(cursor.ns, exhausted ? 0n : id, 'nextBatch', batch);
  },
};
