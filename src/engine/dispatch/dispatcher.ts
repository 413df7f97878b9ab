import type { Document } from 'bson';
import type { Engine } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import type { CommandContext, ConnectionInfo } from './command-context.js';
import { errorLabelsFor } from './error-labels.js';
import { findCommand } from './registry.js';
import { errorReply, withClusterTime } from './reply-envelope.js';

/** What the connection does with a dispatched command. */
export type DispatchOutcome = { kind: 'reply'; reply: Document } | { kind: 'close' };

/**
 * Runs one command: looks it up, applies fail points, calls the handler, and wraps the result in
 * mongod's envelope. Never throws: a handler's bug becomes InternalError (logged), so one bad
 * command cannot take the server down.
 */
export async function dispatch(engine: Engine, body: Document, connection: ConnectionInfo): Promise<DispatchOutcome> {
  const commandName = Object.keys(body)[0] ?? '';
  const db = typeof body.$db === 'string' ? body.$db : 'admin';
  let onChangeStream = false;
  try {
    const spec = findCommand(commandName);
    if (!spec) throw new EngineError('CommandNotFound', `no such command: '${commandName}'`, commandName);
    if (!spec.handler) throw new EngineError('NotImplemented', `command ${commandName} is not implemented by the resume-lab embedded engine`, commandName);

    // Running a transaction's statements one by one would look like success and not be atomic.
    if (body.autocommit === false) throw new EngineError('NotImplemented', 'multi-document transactions are not implemented by the resume-lab embedded engine', 'autocommit');

    const action = engine.failPoints.failCommand(spec.name, connection.appName);
    if (action?.blockTimeMS) await new Promise((resolve) => setTimeout(resolve, action.blockTimeMS));
    if (action?.closeConnection) return { kind: 'close' };
    if (action?.error) throw action.error;

    const ctx: CommandContext = {
      engine,
      db,
      body,
      commandName,
      connection,
      markChangeStream: () => {
        onChangeStream = true;
      },
    };
    const reply = await spec.handler(ctx);
    return { kind: 'reply', reply: withClusterTime(engine, reply) };
  } catch (thrown) {
    const error = thrown instanceof EngineError ? thrown : asInternalError(engine, commandName, thrown);
    const reply = errorReply(error, errorLabelsFor(error, commandName, onChangeStream));
    return { kind: 'reply', reply: withClusterTime(engine, reply) };
  }
}

function asInternalError(engine: Engine, commandName: string, thrown: unknown): EngineError {
  const detail = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  engine.log(`BUG: command ${commandName} threw a non-engine error: ${detail}`);
  return new EngineError('InternalError', `internal error in ${commandName}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
}
