import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { SERVER_VERSION } from './_internal.js';

/** The server parameters the engine reports. */
const PARAMETERS: Document = {
  featureCompatibilityVersion: { version: SERVER_VERSION.split('.').slice(0, 2).join('.') },
  enableTestCommands: 1,
  transactionLifetimeLimitSeconds: 60,
  authenticationMechanisms: [],
};

/** getParameter implements `getParameter` for `'*'` and for named parameters. */
export const getParameter: CommandSpec = {
  name: 'getParameter',
  help: 'read server parameters',
  handler: ({ body }) => {
    if (body.getParameter === '*' || (typeof body.getParameter === 'object' && body.getParameter?.allParameters)) {
      return { ...PARAMETERS, ok: 1 };
    }
    const reply: Document = {};
    for (const key of Object.keys(body)) {
      if (key === 'getParameter' || key.startsWith('$') || key === 'lsid' || key === 'comment') continue;
      if (key in PARAMETERS) reply[key] = PARAMETERS[key];
    }
    if (Object.keys(reply).length === 0) throw new EngineError('InvalidOptions', 'no option found to get', 'getParameter');
    return { ...reply, ok: 1 };
  },
};
