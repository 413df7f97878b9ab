import { afterAll, beforeAll } from 'vitest';
import type { Db, MongoClient } from 'mongodb';
import type { RunningTarget } from '../../src/targets/target.js';
import { availableTargets, connect, uniqueDbName } from './targets.js';

/** What a conformance suite gets: the running target, a connected client, and a fresh database per call. */
export interface SuiteContext {
  target: RunningTarget;
  client: MongoClient;
  /** A database no other test uses. */
  freshDb(): Db;
}

/**
 * Registers `body` once per available target (FerretDB's "compat" pattern): the same branchless
 * tests run on the embedded engine and, when a binary is present, on a real mongod.
 */
export function forEachTarget(body: (ctx: SuiteContext, kind: string) => void): [string, () => void][] {
  return availableTargets().map((factory) => [
    factory.kind,
    () => {
      const ctx = {} as SuiteContext;
      beforeAll(async () => {
        ctx.target = await factory.start();
        ctx.client = await connect(ctx.target.uri);
        ctx.freshDb = () => ctx.client.db(uniqueDbName('t'));
      });
      afterAll(async () => {
        await ctx.client?.close();
        await ctx.target?.stop();
      });
      body(ctx, factory.kind);
    },
  ]);
}

/**
 * The schema type for conformance collections: untyped, because tests use every kind of `_id`
 * and the driver's default schema assumes ObjectId.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDoc = any;
