import type { Document } from 'bson';
import { EngineError } from '../errors/engine-error.js';
import type { Catalog } from '../storage/catalog.js';
import { toTimestamp } from './cluster-clock.js';
import type { OplogEntry } from './oplog-entry.js';
import type { StreamSpec } from './stream-spec.js';

/**
 * The change event for an oplog entry, in mongod's field order (changestreams.md 3.1):
 * _id, operationType, clusterTime, [collectionUUID], wallTime, [fullDocument], ns, [to],
 * [documentKey], [operationDescription], [updateDescription], [fullDocumentBeforeChange].
 */
export function buildEvent(entry: OplogEntry, spec: StreamSpec, catalog: Catalog): Document {
  const event: Document = { _id: entry.token, operationType: entry.op, clusterTime: toTimestamp(entry.ts) };
  if (spec.showExpandedEvents && entry.uuid && entry.op !== 'dropDatabase') event.collectionUUID = entry.uuid;
  event.wallTime = entry.wall;
  const fullDocument = fullDocumentFor(entry, spec, catalog);
  if (fullDocument !== undefined) event.fullDocument = fullDocument;
  event.ns = entry.coll === undefined ? { db: entry.db } : { db: entry.db, coll: entry.coll };
  if (entry.to) event.to = entry.to;
  if (entry.documentKey) event.documentKey = entry.documentKey;
  if (spec.showExpandedEvents && entry.operationDescription) event.operationDescription = entry.operationDescription;
  if (spec.showExpandedEvents && entry.stateBeforeChange) event.stateBeforeChange = entry.stateBeforeChange;
  if (entry.updateDescription) {
    const { disambiguatedPaths, ...description } = entry.updateDescription;
    event.updateDescription = spec.showExpandedEvents ? { ...description, disambiguatedPaths: disambiguatedPaths ?? {} } : description;
  }
  const before = beforeChangeFor(entry, spec);
  if (before !== undefined) event.fullDocumentBeforeChange = before;
  return event;
}

/** The synthetic event that follows an invalidating drop, rename or dropDatabase. */
export function buildInvalidateEvent(entry: OplogEntry, token: Document): Document {
  return { _id: token, operationType: 'invalidate', clusterTime: toTimestamp(entry.ts), wallTime: entry.wall };
}

function fullDocumentFor(entry: OplogEntry, spec: StreamSpec, catalog: Catalog): Document | null | undefined {
  if (entry.op === 'insert' || entry.op === 'replace') return entry.fullDocument;
  if (entry.op !== 'update') return undefined;
  switch (spec.fullDocument) {
    case 'default':
      return undefined;
    case 'updateLookup':
      return catalog.get(entry.db, entry.coll!)?.findById(entry.documentKey!._id) ?? null;
    case 'whenAvailable':
      return entry.postImage ?? null;
    case 'required':
      if (entry.postImage) return entry.postImage;
      throw new EngineError(
        'NoMatchingDocument',
        `Change stream was configured to require a post-image for all update events, but the post-image was not found for event: ${JSON.stringify(entry.token)}`,
      );
  }
}

function beforeChangeFor(entry: OplogEntry, spec: StreamSpec): Document | null | undefined {
  if (spec.fullDocumentBeforeChange === 'off') return undefined;
  if (entry.op !== 'update' && entry.op !== 'replace' && entry.op !== 'delete') return undefined;
  if (entry.preImage) return entry.preImage;
  if (spec.fullDocumentBeforeChange === 'whenAvailable') return null;
  throw new EngineError(
    'NoMatchingDocument',
    `Change stream was configured to require a pre-image for all update, delete and replace events, but the pre-image was not found for event: ${JSON.stringify(entry.token)}`,
  );
}
