/** A replica set the suite runs against. */
export interface SpecTarget {
  /** Connection string for the internal client and every client entity. */
  uri: string;
  /** How the target is named in output. */
  label: string;
  /** Stops what was started for the run (nothing for an external URI). */
  stop(): Promise<void>;
}

/** Hides the password of a connection string before it is printed. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * The target for a run: the replica set at `uri` when given (a real mongod needs enableTestCommands for the fail
 * point tests), otherwise a fresh embedded engine. The engine is imported only then, so that `--uri` runs do not
 * depend on it loading.
 */
export async function startTarget(uri?: string): Promise<SpecTarget> {
  if (uri !== undefined) return { uri, label: redact(uri), stop: async () => undefined };
  const { startReplSet } = await import('../../src/engine/index.js');
  const replSet = await startReplSet();
  return { uri: replSet.uri, label: `embedded engine at ${replSet.uri}`, stop: () => replSet.stop() };
}
