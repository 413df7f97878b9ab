import type { CommandSpec } from '../dispatch/command-context.js';

/** connectionStatus implements `connectionStatus`: no authentication, so no users or roles. */
export const connectionStatus: CommandSpec = {
  name: 'connectionStatus',
  help: 'authentication state of this connection',
  handler: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
};
