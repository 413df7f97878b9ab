import { existsSync } from 'node:fs';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { resolveConfig } from '../../src/core/config.js';
import { embeddedTarget } from '../../src/targets/embedded.js';
import { memoryServerTarget } from '../../src/targets/memory-server.js';
import type { RunningTarget, StartableTargetKind } from '../../src/targets/target.js';

/** A target the conformance suite can run on, through the product's own target implementations. */
export interface TargetFactory {
  kind: StartableTargetKind;
  /** Why the target cannot run here, or undefined when it can. */
  unavailable(): string | undefined;
  start(): Promise<RunningTarget>;
}

const FACTORIES: TargetFactory[] = [
  { kind: 'embedded', unavailable: () => undefined, start: () => embeddedTarget().start() },
  {
    kind: 'memory-server',
    unavailable: () => {
      const binary = resolveConfig('mongodSystemBinary');
      if (!binary) return 'no mongod binary (set MONGOMS_SYSTEM_BINARY to run this suite on a real mongod)';
      if (!existsSync(binary)) return `MONGOMS_SYSTEM_BINARY=${binary} does not exist`;
      return undefined;
    },
    start: () =>
      memoryServerTarget({ systemBinary: resolveConfig('mongodSystemBinary'), connectTimeoutMs: resolveConfig('connectTimeoutMs') }).start(),
  },
];

/** The targets available on this machine; suites for the others are not registered at all. */
export function availableTargets(): TargetFactory[] {
  return FACTORIES.filter((factory) => factory.unavailable() === undefined);
}

/** The targets that cannot run here, with the reason (printed once per run by the global setup). */
export function unavailableTargets(): [string, string][] {
  return FACTORIES.flatMap((factory) => {
    const reason = factory.unavailable();
    return reason === undefined ? [] : [[factory.kind, reason] as [string, string]];
  });
}

/** A driver client for a target, with short timeouts so a broken server fails a test instead of hanging it. */
export function connect(uri: string, options: MongoClientOptions = {}): Promise<MongoClient> {
  return new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, ...options }).connect();
}

/** A database name unique to one test, so suites stay parallel-safe. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}
