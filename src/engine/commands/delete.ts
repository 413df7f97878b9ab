import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { compileFilter } from '../query/filter.js';
import { isDocument, toNumber } from './_params.js';
import { candidates } from './_read.js';
import { runStatements, withWriteErrors, writableCollection, writeTarget } from './_write.js';

/** delete implements `delete` with `limit` 0 (all matches) or 1. */
export const deleteCommand: CommandSpec = {
  name: 'delete',
  help: 'delete documents',
  handler: (ctx) => {
    const name = writeTarget(ctx);
    let n = 0;
    const errors = runStatements<Document>(ctx, 'deletes', (statement) => {
      if (!isDocument(statement) || !isDocument(statement.q)) throw new EngineError('FailedToParse', `BSON field 'delete.deletes.q' is missing but a required field`);
      const limit = toNumber(statement.limit ?? 0);
      if (limit !== 0 && limit !== 1) throw new EngineError('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      const collection = ctx.engine.catalog.get(ctx.db, name);
      if (!collection) return;
      if (collection.isView) writableCollection(ctx, name);
      const matches = compileFilter(statement.q);
      for (const doc of candidates(collection, statement.q)) {
        if (!matches(doc)) continue;
        collection.delete(doc);
        n++;
        if (limit === 1) break;
      }
    });
    return withWriteErrors({ n, ok: 1 }, errors);
  },
};
