import type { ChangeStreamOptions, Document } from 'mongodb';

/**
 * Sorts out watch()'s arguments: the driver takes `(pipeline, options)`, mongosh also takes `(options)` alone,
 * and learners coming from mongosh's manual pages write `watch({ resumeAfter: token })`.
 */
export function watchArguments(pipelineOrOptions?: Document[] | ChangeStreamOptions, options?: ChangeStreamOptions): { pipeline: Document[]; options: ChangeStreamOptions } {
  if (pipelineOrOptions === undefined || pipelineOrOptions === null) return { pipeline: [], options: options ?? {} };
  if (Array.isArray(pipelineOrOptions)) return { pipeline: pipelineOrOptions, options: options ?? {} };
  return { pipeline: [], options: { ...pipelineOrOptions, ...options } };
}
