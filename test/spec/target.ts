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
 * point tests), else a real mongod through the product's memory-server target when `kind` says so, otherwise a
 * fresh embedded engine. The engine is imported only then, so that `--uri` runs do not
 * depend on it loading.
 */
export async function startTarget(uri?: string, kind = 'embedded'): Promise<SpecTarget> {
  if (uri !== undefined) return { uri, label: redact(uri), stop: async () => undefined };
  if (kind === 'memory-server') {
    const { memoryServerTarget } = await import('../../src/targets/memory-server.js');
    const { resolveConfig } = await import('../../src/core/config.js');
    const running = await memoryServerTarget({
      systemBinary: resolveConfig('mongodSystemBinary'),
      connectTimeoutMs: resolveConfig('connectTimeoutMs'),
    }).start();
    return { uri: running.uri, label: `mongod ${running.serverVersion ?? ''} via mongodb-memory-server`, stop: () => running.stop() };
  }
  if (kind !== 'embedded') throw new Error(`unknown --target ${kind}: use embedded or memory-server`);
  const { startReplSet } = await import('../../src/engine/index.js');
  const replSet = await startReplSet();
  return { uri: replSet.uri, label: `embedded engine at ${replSet.uri}`, stop: () => replSet.stop() };
}
