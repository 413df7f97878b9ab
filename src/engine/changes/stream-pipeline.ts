import type { Document } from 'bson';
import { EngineError, notImplemented } from '../errors/engine-error.js';

/** Stages allowed after $changeStream (change-streams.md "Presently change streams support only a subset"). */
const ALLOWED = new Set(['$match', '$project', '$addFields', '$set', '$unset', '$replaceRoot', '$replaceWith', '$redact']);

/** Stage names mongod knows; anything else is 40324 "Unrecognized pipeline stage name". */
export const KNOWN_STAGES: ReadonlySet<string> = new Set([
  '$addFields', '$bucket', '$bucketAuto', '$changeStream', '$changeStreamSplitLargeEvent', '$collStats', '$count',
  '$currentOp', '$densify', '$documents', '$facet', '$fill', '$geoNear', '$graphLookup', '$group', '$indexStats',
  '$limit', '$listLocalSessions', '$listSearchIndexes', '$listSessions', '$lookup', '$match', '$merge', '$out',
  '$planCacheStats', '$project', '$querySettings', '$queryStats', '$redact', '$replaceRoot', '$replaceWith',
  '$sample', '$search', '$searchMeta', '$set', '$setWindowFields', '$skip', '$sort', '$sortByCount', '$unionWith',
  '$unset', '$unwind', '$vectorSearch',
]);

/** The name of a pipeline stage document, validating its shape (one field). */
export function stageName(stage: unknown): string {
  if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) {
    throw new EngineError('TypeMismatch', 'Each element of the \'pipeline\' array must be an object');
  }
  const keys = Object.keys(stage);
  if (keys.length !== 1) throw new EngineError('Location40324', `A pipeline stage specification object must contain exactly one field.`);
  return keys[0]!;
}

/** Checks the stages that follow $changeStream: known, allowed in a change stream, $changeStream not repeated. */
export function validateStreamPipeline(stages: Document[]): void {
  for (const stage of stages) {
    const name = stageName(stage);
    if (!KNOWN_STAGES.has(name)) throw new EngineError('Location40324', `Unrecognized pipeline stage name: '${name}'`, name);
    if (name === '$changeStream') throw new EngineError('Location40602', '$changeStream is only valid as the first stage in a pipeline.');
    if (name === '$changeStreamSplitLargeEvent') throw notImplemented('$changeStreamSplitLargeEvent');
    if (!ALLOWED.has(name)) throw new EngineError('IllegalOperation', `${name} is not permitted in a $changeStream pipeline`, name);
  }
}
