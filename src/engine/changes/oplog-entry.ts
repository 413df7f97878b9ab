import type { Binary, Document, UUID } from 'bson';

/** The operation types an oplog entry can describe (change event `operationType`s, invalidate aside). */
export type OplogOp =
  | 'insert'
  | 'update'
  | 'replace'
  | 'delete'
  | 'drop'
  | 'rename'
  | 'dropDatabase'
  | 'create'
  | 'createIndexes'
  | 'dropIndexes'
  | 'modify';

/** `updateDescription` as a change event carries it. */
export interface UpdateDescription {
  updatedFields: Document;
  removedFields: string[];
  truncatedArrays: { field: string; newSize: number }[];
  /** Shown only with showExpandedEvents; computed at write time, when the documents are at hand. */
  disambiguatedPaths?: Document;
}

/**
 * One write, as the change stream machinery needs it. Unlike mongod's oplog this already holds the
 * event's parts (documentKey, images, updateDescription), so a stream builds an event without
 * re-reading the collection. Documents referenced here are never mutated by storage.
 */
export interface OplogEntry {
  /** Position in the oplog since the engine started; never reused. */
  seq: number;
  /** Cluster time as bigint `(t << 32) | i`. */
  ts: bigint;
  wall: Date;
  op: OplogOp;
  db: string;
  /** Absent for dropDatabase. */
  coll?: string;
  /** The collection UUID (`ui`); absent for dropDatabase. */
  uuid?: UUID;
  documentKey?: Document;
  /** insert and replace: the new document. */
  fullDocument?: Document;
  /** Pre-image, kept only when the collection has changeStreamPreAndPostImages enabled. */
  preImage?: Document;
  /** update: post-image, kept only when the collection has changeStreamPreAndPostImages enabled. */
  postImage?: Document;
  updateDescription?: UpdateDescription;
  /** rename: the target namespace. */
  to?: { db: string; coll: string };
  /** Expanded events (create, createIndexes, dropIndexes, modify, rename). */
  operationDescription?: Document;
  /** modify: collection options before the change. */
  stateBeforeChange?: Document;
  /** The event's resume token `_data`; its invalidate token is `invalidateToken`. */
  token: { _data: string; _typeBits?: Binary };
}
