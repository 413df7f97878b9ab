import type { Document } from 'bson';
import type { CommandSpec } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './_params.js';
import { runStatements, withWriteErrors, writableCollection, writeTarget } from './_write.js';

/** insert implements `insert`: one oplog entry (and change event) per document. */
export const insert: CommandSpec = {
  name: 'insert',
  help: 'insert documents',
  handler: (ctx) => {
    const name = writeTarget(ctx);
    let n = 0;
    const errors = runStatements<Document>(ctx, 'documents', (doc) => {
      if (!isDocument(doc)) throw new EngineError('TypeMismatch', 'documents to insert must be objects');
      writableCollection(ctx, name).insert(doc);
      n++;
    });
    return withWriteErrors({ n, ok: 1 }, errors);
  },
};
