import { NON_RESUMABLE_CHANGE_STREAM_CODES, RESUMABLE_CHANGE_STREAM_CODES } from '../errors/codes.js';
import type { EngineError } from '../errors/engine-error.js';

/**
 * mongod's ErrorLabelBuilder for what the engine can produce: change-stream aggregate and getMore
 * errors in the retriable categories are resumable; 280 and 286 are not. A fail point's
 * `errorLabels` replace the computed labels entirely.
 */
export function errorLabelsFor(error: EngineError, commandName: string, onChangeStream: boolean): string[] {
  if (error.labelsOverride) return error.labelsOverride;
  const labels: string[] = [];
  if (onChangeStream && (commandName === 'aggregate' || commandName === 'getMore') && RESUMABLE_CHANGE_STREAM_CODES.has(error.code)) {
    labels.push('ResumableChangeStreamError');
  }
  if (NON_RESUMABLE_CHANGE_STREAM_CODES.has(error.code)) labels.push('NonResumableChangeStreamError');
  return labels;
}
