import { Engine } from './engine.js';
import { WireServer } from './server.js';

/** Options of startReplSet; everything has a default. */
export interface ReplSetOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Oplog capacity in events (default 1,000,000). */
  oplogSize?: number;
  /** Replica set name (default "rs0"). */
  replSetName?: string;
  /** Receives log lines (malformed frames, engine bugs); silent by default. */
  log?: (line: string) => void;
}

/** A running embedded replica set. */
export interface ReplSet {
  /** `mongodb://127.0.0.1:PORT/?replicaSet=NAME`, usable by any MongoDB client. */
  readonly uri: string;
  readonly port: number;
  /** The engine state, for in-process tools (tests, benchmarks) that need hooks such as oplog truncation. */
  readonly engine: Engine;
  /** Closes every client connection without stopping (simulates a network failure). */
  dropConnections(): void;
  /** Closes connections and the listener; idempotent. */
  stop(): Promise<void>;
}

/** Default oplog capacity, in events. */
export const DEFAULT_OPLOG_SIZE = 1_000_000;

/** Starts an embedded one-node replica set on 127.0.0.1 and resolves once it accepts connections. */
export async function startReplSet(options: ReplSetOptions = {}): Promise<ReplSet> {
  const replSetName = options.replSetName ?? 'rs0';
  const engine = new Engine({
    replSetName,
    oplogSize: options.oplogSize ?? DEFAULT_OPLOG_SIZE,
    log: options.log ?? (() => {}),
  });
  const server = new WireServer(engine);
  const port = await server.listen(options.port ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${port}/?replicaSet=${encodeURIComponent(replSetName)}`,
    port,
    engine,
    dropConnections: () => server.dropConnections(),
    stop: () => {
      stopped ??= (async () => {
        engine.cursors.killAll();
        await server.close();
      })();
      return stopped;
    },
  };
}
