import { Long, type Document } from 'bson';
import type { CommandContext } from '../dispatch/command-context.js';
import { EngineError } from '../errors/engine-error.js';
import { isDocument as isEmbeddedDocument } from '../query/bson-types.js';

/** BSON type names as mongod's IDL messages spell them. */
type ParamType = 'string' | 'object' | 'array' | 'bool' | 'number';

function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (value instanceof Long) return 'long';
  if (typeof value === 'object') {
    const bsontype = (value as { _bsontype?: string })._bsontype;
    return bsontype ? bsontype.toLowerCase() : 'object';
  }
  return typeof value;
}

function matches(value: unknown, type: ParamType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'bool':
      return typeof value === 'boolean' || typeof value === 'number' || value instanceof Long;
    case 'number':
      return typeof value === 'number' || value instanceof Long || bsonTypeName(value) === 'decimal128' || bsonTypeName(value) === 'double';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !('_bsontype' in (value as object));
  }
}

function read<T>(ctx: CommandContext, field: string, type: ParamType, required: boolean): T | undefined {
  const value = ctx.body[field];
  if (value === undefined || (value === null && !required)) {
    if (required) {
      throw new EngineError('Location40414', `BSON field '${ctx.commandName}.${field}' is missing but a required field`, field);
    }
    return undefined;
  }
  if (!matches(value, type)) {
    throw new EngineError(
      'TypeMismatch',
      `BSON field '${ctx.commandName}.${field}' is the wrong type '${bsonTypeName(value)}', expected type '${type}'`,
      field,
    );
  }
  return value as T;
}

/** A required parameter of the given type; mongod's "is missing" / "is the wrong type" errors otherwise. */
export function required<T>(ctx: CommandContext, field: string, type: ParamType): T {
  return read<T>(ctx, field, type, true)!;
}

/** An optional parameter of the given type. */
export function optional<T>(ctx: CommandContext, field: string, type: ParamType): T | undefined {
  return read<T>(ctx, field, type, false);
}

/** A boolean parameter; numbers count as mongod's IDL allows (0 false, anything else true). */
export function bool(ctx: CommandContext, field: string, fallback = false): boolean {
  const value = read<unknown>(ctx, field, 'bool', false);
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : Number(value) !== 0;
}

/** A numeric parameter as a JS number (Long and double accepted). */
export function int(ctx: CommandContext, field: string): number | undefined {
  const value = read<unknown>(ctx, field, 'number', false);
  return value === undefined ? undefined : toNumber(value);
}

/** Any BSON number as a JS number. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Long) return value.toNumber();
  return Number(String(value));
}

/** The collection named by the command's first field (`find: "orders"`), validated as a string. */
export function collectionName(ctx: CommandContext): string {
  const name = ctx.body[ctx.commandName];
  if (typeof name !== 'string') {
    throw new EngineError('InvalidNamespace', `collection name has invalid type ${bsonTypeName(name)}`, ctx.commandName);
  }
  if (name.length === 0) throw new EngineError('InvalidNamespace', `Invalid namespace specified '${ctx.db}.'`, ctx.commandName);
  return name;
}

/** The options a handler ignores on purpose; any other unknown field fails as mongod's IDL does (40415). */
export const GENERIC_ARGUMENTS: ReadonlySet<string> = new Set([
  '$db', 'lsid', 'txnNumber', '$clusterTime', '$readPreference', 'readConcern', 'writeConcern', 'comment',
  'maxTimeMS', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'autocommit', 'startTransaction',
  '$audit', '$client', 'mayBypassWriteBlocking', 'bypassDocumentValidation', 'let', 'collation',
  'encryptionInformation', 'databaseVersion', 'shardVersion', 'clientOperationKey', 'readOnly',
]);

/** True for an embedded document (not an array or a BSON value class), typed as a command's Document. */
export function isDocument(value: unknown): value is Document {
  return isEmbeddedDocument(value);
}
