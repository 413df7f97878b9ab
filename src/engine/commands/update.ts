import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { compileFilter } from '../query/filter.js';
import { isDocument } from './_params.js';
import { candidates } from './_read.js';
import { updateStored, upsert } from './_update-one.js';
import { runStatements, withWriteErrors, writableCollection, writeTarget } from './_write.js';

/** update implements `update`: modifiers, replacements and pipeline updates; upsert, multi and arrayFilters. */
export const update: CommandSpec = {
  name: 'update',
  help: 'update documents',
  handler: (ctx) => {
    const name = writeTarget(ctx);
    let matched = 0;
    let modified = 0;
    const upserted: Document[] = [];
    const errors = runStatements<Document>(ctx, 'updates', (statement, index) => {
      if (!isDocument(statement) || !isDocument(statement.q)) throw new EngineError('FailedToParse', `BSON field 'update.updates.q' is missing but a required field`);
      const u = statement.u as Document | Document[];
      if (!isDocument(u) && !Array.isArray(u)) throw new EngineError('FailedToParse', `BSON field 'update.updates.u' is missing but a required field`);
      const multi = statement.multi === true;
      const isReplacement = !Array.isArray(u) && Object.keys(u).length > 0 && !Object.keys(u)[0]!.startsWith('$');
      if (multi && isReplacement) throw new EngineError('FailedToParse', 'multi update is not supported for replacement-style update');
      const arrayFilters = statement.arrayFilters as Document[] | undefined;
      const collection = writableCollection(ctx, name);
      const matches = compileFilter(statement.q);
      let found = false;
      for (const doc of candidates(collection, statement.q)) {
        if (!matches(doc)) continue;
        found = true;
        matched++;
        if (updateStored(collection, doc, u, arrayFilters).modified) modified++;
        if (!multi) break;
      }
      if (!found && statement.upsert === true) {
        const doc = upsert(collection, statement.q, u, arrayFilters);
        upserted.push({ index, _id: doc._id });
      }
    });
    const reply: Document = { n: matched + upserted.length, nModified: modified, ok: 1 };
    if (upserted.length > 0) reply.upserted = upserted;
    return withWriteErrors(reply, errors);
  },
};
