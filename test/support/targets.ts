import { existsSync } from 'node:fs';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { startReplSet } from '../../src/engine/index.js';

/** A replica set the conformance suite runs against. */
export interface TestTarget {
  readonly kind: TargetKind;
  readonly uri: string;
  stop(): Promise<void>;
}

/** The targets a suite can run on. */
export type TargetKind = 'embedded' | 'memory-server';

interface TargetFactory {
  kind: TargetKind;
  /** Why the target cannot run here, or undefined when it can. */
  unavailable(): string | undefined;
  start(): Promise<TestTarget>;
}

const FACTORIES: TargetFactory[] = [
  {
    kind: 'embedded',
    unavailable: () => undefined,
    start: async () => {
      const rs = await startReplSet();
      return { kind: 'embedded', uri: rs.uri, stop: () => rs.stop() };
    },
  },
  {
    kind: 'memory-server',
    unavailable: () => {
      const binary = process.env.MONGOMS_SYSTEM_BINARY;
      if (!binary) return 'no mongod binary (set MONGOMS_SYSTEM_BINARY to run this suite on a real mongod)';
      if (!existsSync(binary)) return `MONGOMS_SYSTEM_BINARY=${binary} does not exist`;
      return undefined;
    },
    start: async () => {
      const { MongoMemoryReplSet } = await import('mongodb-memory-server');
      const rs = await MongoMemoryReplSet.create({
        replSet: { count: 1, storageEngine: 'wiredTiger', args: ['--setParameter', 'enableTestCommands=1'] },
      });
      return { kind: 'memory-server', uri: rs.getUri(), stop: async () => void (await rs.stop()) };
    },
  },
];

const announced = new Set<TargetKind>();

/**
 * The targets available on this machine. An unavailable one is announced once, in one line, and
 * its suites are not registered at all (nothing is marked skipped to make a count).
 */
export function availableTargets(): TargetFactory[] {
  return FACTORIES.filter((factory) => {
    const reason = factory.unavailable();
    if (reason && !announced.has(factory.kind)) {
      announced.add(factory.kind);
      console.log(`[${factory.kind}] skipped: ${reason}`);
    }
    return reason === undefined;
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
