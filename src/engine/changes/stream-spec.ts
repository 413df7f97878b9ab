import { Timestamp, type Document } from 'bson';
import { EngineError } from '../errors/engine-error.js';
import { bsonTypeOf, isDocument } from '../query/bson-types.js';
import { fromTimestamp } from './cluster-clock.js';

/** fullDocument modes (document_source_change_stream.idl). */
export type FullDocumentMode = 'default' | 'updateLookup' | 'whenAvailable' | 'required';
/** fullDocumentBeforeChange modes. */
export type BeforeChangeMode = 'off' | 'whenAvailable' | 'required';

/** What a stream watches: one collection, one database, or every user database. */
export type StreamScope =
  | { kind: 'collection'; db: string; coll: string }
  | { kind: 'database'; db: string }
  | { kind: 'cluster' };

/** The parsed `$changeStream` stage. */
export interface StreamSpec {
  scope: StreamScope;
  fullDocument: FullDocumentMode;
  fullDocumentBeforeChange: BeforeChangeMode;
  showExpandedEvents: boolean;
  resumeAfter?: Document;
  startAfter?: Document;
  /** startAtOperationTime as bigint `(t << 32) | i`. */
  startAtOperationTime?: bigint;
}

const STAGE_FIELDS = new Set([
  'resumeAfter', 'startAfter', 'startAtOperationTime', 'fullDocument', 'fullDocumentBeforeChange',
  'allChangesForCluster', 'showExpandedEvents',
]);
const FULL_DOCUMENT: readonly FullDocumentMode[] = ['default', 'updateLookup', 'whenAvailable', 'required'];
const BEFORE_CHANGE: readonly BeforeChangeMode[] = ['off', 'whenAvailable', 'required'];
const INTERNAL_DATABASES = new Set(['admin', 'config', 'local']);

/**
 * Validates a `$changeStream` stage the way mongod does (codes from changestreams.md 2.2) and
 * works out its scope from the aggregate's target: `aggregate: "<coll>"` or `aggregate: 1`.
 */
export function parseStreamSpec(stage: unknown, db: string, target: string | 1): StreamSpec {
  if (!isDocument(stage)) throw new EngineError('Location50808', '$changeStream stage expects a document as argument');
  for (const field of Object.keys(stage)) {
    if (!STAGE_FIELDS.has(field)) throw new EngineError('Location40415', `BSON field '$changeStream.${field}' is an unknown field.`, field);
  }
  const allChangesForCluster = stage.allChangesForCluster === true;
  const scope = resolveScope(db, target, allChangesForCluster);
  const spec: StreamSpec = {
    scope,
    fullDocument: enumField(stage, 'fullDocument', FULL_DOCUMENT, 'default'),
    fullDocumentBeforeChange: enumField(stage, 'fullDocumentBeforeChange', BEFORE_CHANGE, 'off'),
    showExpandedEvents: stage.showExpandedEvents === true,
  };
  if (stage.resumeAfter !== undefined) spec.resumeAfter = tokenField(stage.resumeAfter, 'resumeAfter');
  if (stage.startAfter !== undefined) spec.startAfter = tokenField(stage.startAfter, 'startAfter');
  if (stage.startAtOperationTime !== undefined) {
    if (!(stage.startAtOperationTime instanceof Timestamp)) {
      throw new EngineError('TypeMismatch', `BSON field '$changeStream.startAtOperationTime' is the wrong type '${bsonTypeOf(stage.startAtOperationTime) ?? 'missing'}', expected type 'timestamp'`, 'startAtOperationTime');
    }
    spec.startAtOperationTime = fromTimestamp(stage.startAtOperationTime);
  }
  if (spec.resumeAfter && spec.startAfter) {
    throw new EngineError('Location50865', `Do not specify both 'resumeAfter' and 'startAfter' in a $changeStream stage`);
  }
  if ((spec.resumeAfter || spec.startAfter) && spec.startAtOperationTime !== undefined) {
    throw new EngineError('Location40674', 'Only one type of resume option is allowed, but multiple were found');
  }
  return spec;
}

function resolveScope(db: string, target: string | 1, allChangesForCluster: boolean): StreamScope {
  if (allChangesForCluster) {
    if (db !== 'admin' || target !== 1) {
      const ns = target === 1 ? `${db}.$cmd.aggregate` : `${db}.${target}`;
      throw new EngineError('InvalidOptions', `A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name; found ${ns}`);
    }
    return { kind: 'cluster' };
  }
  if (INTERNAL_DATABASES.has(db)) throw new EngineError('InvalidNamespace', `$changeStream may not be opened on the internal ${db} database`);
  if (target === 1) return { kind: 'database', db };
  if (target.startsWith('system.')) throw new EngineError('InvalidNamespace', `$changeStream may not be opened on the internal ${db}.${target} collection`);
  return { kind: 'collection', db, coll: target };
}

function enumField<T extends string>(stage: Document, field: string, allowed: readonly T[], fallback: T): T {
  const value = stage[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new EngineError('BadValue', `Enumeration value '${String(value)}' for field '$changeStream.${field}' is not a valid value.`, field);
  }
  return value as T;
}

function tokenField(value: unknown, field: string): Document {
  if (!isDocument(value)) {
    throw new EngineError('TypeMismatch', `BSON field '$changeStream.${field}' is the wrong type '${bsonTypeOf(value) ?? 'missing'}', expected type 'object'`, field);
  }
  return value;
}
