import { afterEach, describe, expect, it } from 'vitest';
import { ALLOWED_COMMANDS } from '../../../src/sandbox/facade/run-command.js';
import { SandboxSession } from '../../../src/sandbox/session.js';
import { forEachTarget } from '../../support/suite.js';
import { uniqueDbName } from '../../support/targets.js';
import { evaluateAll, TEST_LIMITS } from '../support.js';

describe.each(
  forEachTarget((ctx) => {
    let session: SandboxSession | undefined;
    const open = (restrictToDb = false) =>
      (session = new SandboxSession({ uri: ctx.target.uri, dbName: uniqueDbName('sbx'), limits: TEST_LIMITS, restrictToDb }));
    afterEach(() => session?.close());

    it("resolves properties the mongosh way: methods first, then collections", async () => {
      const s = open();
      const result = await s.evaluate(
        "[db.getName() === db.toString(), db.orders === db.getCollection('orders'), db.orders.getFullName(), db.orders.archive.getFullName(), db._private, db.then, typeof db.getSiblingDB].map(String).join(' ')",
      );
      expect(result.value).toBe(`'true true ${s.db.databaseName}.orders ${s.db.databaseName}.orders.archive undefined undefined function'`);
    });

    it('lists collections and runs allowed commands', async () => {
      const result = await evaluateAll(open(), ["db.createCollection('b')\ndb.a.insertOne({})", "[db.getCollectionNames().join(','), db.runCommand('ping').ok, db.runCommand({ hello: 1 }).isWritablePrimary]"]);
      expect(result.value).toBe("[ 'a,b', 1, true ]");
    });

    it('refuses commands outside the allow-list with the list in the message', async () => {
      const result = await open().evaluate("db.runCommand({ dropDatabase: 1 })");
      expect(result.error).toMatchObject({ kind: 'runtime', name: 'CommandNotAllowedError', message: expect.stringContaining(ALLOWED_COMMANDS.join(', ')) });
    });

    it('restricts getSiblingDB to the own database when the session says so', async () => {
      const s = open(true);
      const own = await s.evaluate(`db.getSiblingDB('${s.db.databaseName}').getName()`);
      expect(own.value).toBe(`'${s.db.databaseName}'`);
      const other = await s.evaluate("db.getSiblingDB('admin').users.findOne()");
      expect(other.error).toMatchObject({ name: 'DatabaseNotAllowedError', message: `this session may only use its own database "${s.db.databaseName}", not "admin"` });
    });

    it('allows other databases when the session is not restricted', async () => {
      const s = open();
      const other = uniqueDbName('sbx_other');
      const result = await s.evaluate(`const other = db.getSiblingDB('${other}')\nother.things.insertOne({ x: 1 })\nother.things.countDocuments()`);
      expect(result.value).toBe('1');
      await s.client.db(other).dropDatabase();
    });
  }),
)('src/sandbox/facade/database.ts on %s', (_kind, body) => body());
