import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { compileFilter } from '../query/filter.js';
import { projectDocuments } from '../query/projection.js';
import { sortDocuments } from '../query/sort.js';
import { bool, collectionName, isDocument, optional } from './_params.js';
import { candidates } from './_read.js';
import { updateStored, upsert } from './_update-one.js';
import { writableCollection } from './_write.js';

/** findAndModify implements `findAndModify`: update, replace or remove one document and return it. */
export const findAndModify: CommandSpec = {
  name: 'findAndModify',
  help: 'modify one document and return it',
  handler: (ctx) => {
    const name = collectionName(ctx);
    const query = optional<Document>(ctx, 'query', 'object') ?? {};
    const sort = optional<Document>(ctx, 'sort', 'object');
    const fields = optional<Document>(ctx, 'fields', 'object');
    const remove = bool(ctx, 'remove');
    const returnNew = bool(ctx, 'new');
    const wantsUpsert = bool(ctx, 'upsert');
    const update = ctx.body.update as Document | Document[] | undefined;
    const arrayFilters = optional<Document[]>(ctx, 'arrayFilters', 'array');
    if (remove && update !== undefined) throw new EngineError('FailedToParse', 'Cannot specify both an update and remove=true');
    if (!remove && update === undefined) throw new EngineError('FailedToParse', 'Either an update or remove=true must be specified');
    if (remove && (returnNew || wantsUpsert)) throw new EngineError('FailedToParse', 'Cannot specify both new=true and remove=true; \'remove\' always returns the deleted document');
    if (update !== undefined && !isDocument(update) && !Array.isArray(update)) throw new EngineError('FailedToParse', 'Update argument must be either an object or an array');

    const collection = writableCollection(ctx, name);
    const matches = compileFilter(query);
    let docs = candidates(collection, query).filter(matches);
    if (sort && Object.keys(sort).length > 0) docs = sortDocuments(docs, sort);
    const target = docs[0];
    const project = (doc: Document | null) => (doc && fields && Object.keys(fields).length > 0 ? projectDocuments([doc], fields)[0]! : doc);

    if (remove) {
      if (target) collection.delete(target);
      return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target ?? null), ok: 1 };
    }
    if (target) {
      const { before, after } = updateStored(collection, target, update!, arrayFilters);
      return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(returnNew ? after : before), ok: 1 };
    }
    if (wantsUpsert) {
      const inserted = upsert(collection, query, update!, arrayFilters);
      return { lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id }, value: project(returnNew ? inserted : null), ok: 1 };
    }
    return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  },
};
