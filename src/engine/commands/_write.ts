import type { Document } from 'bson';
import type { CommandContext } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import type { Collection } from '../storage/collection.js';
import { bool, collectionName, required } from './_params.js';

/** One entry of a write command's `writeErrors`. */
export interface WriteError {
  index: number;
  code: number;
  codeName: string;
  errmsg: string;
}

/** The collection a write goes to, created on first write; views cannot be written. */
export function writableCollection(ctx: CommandContext, name: string): Collection {
  const existing = ctx.engine.catalog.get(ctx.db, name);
  if (existing?.isView) throw new EngineError('CommandNotSupportedOnView', `Namespace ${ctx.db}.${name} is a view, not a collection`);
  return existing ?? ctx.engine.catalog.ensure(ctx.db, name);
}

/**
 * Runs a write command's statements in order. An EngineError becomes a write error for that
 * statement; `ordered` (the default) stops at the first. Returns the write errors.
 */
export function runStatements<T>(ctx: CommandContext, field: string, run: (statement: T, index: number) => void): WriteError[] {
  const statements = required<T[]>(ctx, field, 'array');
  const ordered = bool(ctx, 'ordered', true);
  const errors: WriteError[] = [];
  for (let index = 0; index < statements.length; index++) {
    try {
      run(statements[index]!, index);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      errors.push({ index, code: err.code, codeName: err.codeName, errmsg: err.message });
      if (ordered) break;
    }
  }
  return errors;
}

/** Adds `writeErrors` to a reply when there are any. */
export function withWriteErrors(reply: Document, errors: WriteError[]): Document {
  if (errors.length > 0) reply.writeErrors = errors;
  return reply;
}

/** The target collection name of a write command. */
export function writeTarget(ctx: CommandContext): string {
  return collectionName(ctx);
}
