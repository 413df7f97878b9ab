/** Shared pieces of the BSON-aware pipeline stages. */
import type { Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';

/** A pipeline stage as mingo calls it: the upstream documents, the stage argument and the options. */
export type PipelineOp = (collection: Iterator, expr: unknown, options: Options) => Iterator;
