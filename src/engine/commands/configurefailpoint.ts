import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';

/** configureFailPoint implements mongod's test command for the fail points the spec tests use. */
export const configureFailPoint: CommandSpec = {
  name: 'configureFailPoint',
  help: 'turn a test fail point on or off',
  handler: ({ engine, body, db }) => {
    if (db !== 'admin') throw new EngineError('Unauthorized', 'configureFailPoint may only be run against the admin database.');
    const count = engine.failPoints.configure(String(body.configureFailPoint), body.mode, body.data as Document | undefined);
    return { count, ok: 1 };
  },
};
