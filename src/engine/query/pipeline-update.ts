/**
 * Pipeline-style updates (`u: [{$set: …}, …]`): the document goes through the allowed aggregation stages, and
 * the change is described by diffing the pre- and post-image, as mongod's PipelineExecutor does.
 */
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { mingoOptions } from './context.js';
import { withMingoErrors } from './mingo-errors.js';

/** The stages mongod allows in an update pipeline. */
const UPDATE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

/**
 * Runs an update pipeline over one document and returns the new document (the input is deep-copied first,
 * because mingo's stages may modify their input). A stage outside mongod's list is InvalidOptions.
 */
export function runUpdatePipeline(doc: object, pipeline: readonly unknown[]): Record<string, unknown> {
  for (const stage of pipeline) {
    const name = isDocument(stage) ? Object.keys(stage) : [];
    if (name.length !== 1) {
      throw new EngineError('Location40323', 'A pipeline stage specification object must contain exactly one field.');
    }
    if (!UPDATE_STAGES.has(name[0] as string)) {
      throw new EngineError('InvalidOptions', `${name[0]} is not allowed to be used within an update`, name[0]);
    }
  }
  const options = mingoOptions({ processingMode: ProcessingMode.CLONE_INPUT });
  const [result] = withMingoErrors(() => new Aggregator(pipeline as never, options).run([doc] as never));
  if (!isDocument(result)) {
    throw new EngineError('BadValue', 'The update pipeline must produce a document');
  }
  return result;
}
