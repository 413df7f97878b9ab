/**
 * Applying one update to one document, the way mongod's update stage does it, for the three update forms:
 * a modifier document, a replacement document, or an aggregation pipeline. Besides the new document it reports
 * whether anything changed (a no-op produces no oplog entry and no change event) and the change event's
 * `updateDescription`.
 */
import { cloneDeep } from 'mingo/util';
import { EngineError } from '../errors/engine-error.js';
import { isDocument } from './bson-types.js';
import { equalsBson } from './compare.js';
import { type DisambiguatedPaths, describeDelta, type UpdateDescription } from './delta.js';
import { computeDelta } from './diff.js';
import { formatValue } from './format.js';
import { identicalBson } from './identical.js';
import { applyModifiers, type ModifierOptions } from './modifier.js';
import { runUpdatePipeline } from './pipeline-update.js';

// The result types and the upsert builder, so that callers import everything about updates from here.
export type { DisambiguatedPaths, UpdateDescription } from './delta.js';
export { buildUpsertDocument } from './upsert.js';

/** Settings of one update (the update statement's `arrayFilters`, and the upsert insert path). */
export type ApplyUpdateOptions = ModifierOptions;

/** The outcome of applying one update to one document. */
export interface UpdateResult {
  /** The new document (the input itself when nothing changed; the input is never modified). */
  doc: object;
  /** False for a no-op: no oplog entry and no change event. */
  changed: boolean;
  /**
   * The change event's updateDescription for an "update" event; null for a "replace" event (a replacement
   * document, or a pipeline update whose delta would not be smaller than the document) and when nothing changed.
   */
  description: UpdateDescription | null;
  /** For `showExpandedEvents`: the ambiguous paths of `description`, as component lists (empty when none). */
  disambiguatedPaths: DisambiguatedPaths;
}

/** The kind of update a statement's `u` is, as mongod decides it from the first field. */
export type UpdateKind = 'modifier' | 'replacement' | 'pipeline';

/** Classifies an update: an array is a pipeline, a document whose first field starts with `$` a modifier. */
export function updateKind(update: unknown): UpdateKind {
  if (Array.isArray(update)) return 'pipeline';
  if (!isDocument(update)) {
    throw new EngineError('FailedToParse', 'Update argument must be either an object or an array');
  }
  const first = Object.keys(update)[0];
  return first !== undefined && first.startsWith('$') ? 'modifier' : 'replacement';
}

/** A replacement may not contain `$`-prefixed top-level fields (52) or change `_id` (66). */
function checkReplacement(original: Record<string, unknown>, replacement: Record<string, unknown>): void {
  for (const key of Object.keys(replacement)) {
    if (key.startsWith('$')) {
      throw new EngineError(
        'DollarPrefixedFieldName',
        `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
        key,
      );
    }
  }
  checkIdKept(original, replacement);
}

/** The new document may drop `_id` (it is put back) but not change it. */
function checkIdKept(original: Record<string, unknown>, next: Record<string, unknown>): void {
  if ('_id' in original && '_id' in next && !equalsBson(original._id, next._id)) {
    throw new EngineError(
      'ImmutableField',
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(next._id)}`,
    );
  }
}

/** mongod's ObjectReplaceExecutor: a new document without `_id` gets the original one, first. */
function withOriginalId(original: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  return '_id' in original && !('_id' in next) ? { _id: original._id, ...next } : next;
}

const NO_PATHS: DisambiguatedPaths = Object.freeze({}) as DisambiguatedPaths;

function unchanged(doc: object): UpdateResult {
  return { doc, changed: false, description: null, disambiguatedPaths: NO_PATHS };
}

/**
 * Applies a modifier document, a replacement document or an update pipeline to `doc`, without modifying it.
 * Errors carry mongod's codes: 66 ImmutableField, 9 FailedToParse for a malformed modifier argument, 52 for
 * `$`-prefixed replacement fields, 40 for conflicting paths, 14 for arithmetic on non-numbers, 2 for an unknown
 * modifier. `{$set: {}}` is a no-op, as in mongod 5.0+.
 */
export function applyUpdate(doc: object, update: object, opts: ApplyUpdateOptions = {}): UpdateResult {
  const original = doc as Record<string, unknown>;
  switch (updateKind(update)) {
    case 'modifier': {
      const result = applyModifiers(original, update as Record<string, unknown>, opts);
      if (!result.changed) return unchanged(doc);
      const { description, disambiguatedPaths } = describeDelta(result.log.root);
      return { doc: result.doc, changed: true, description, disambiguatedPaths };
    }
    case 'replacement': {
      const replacement = update as Record<string, unknown>;
      checkReplacement(original, replacement);
      const next = withOriginalId(original, cloneDeep(replacement) as Record<string, unknown>);
      if (identicalBson(original, next)) return unchanged(doc);
      return { doc: next, changed: true, description: null, disambiguatedPaths: NO_PATHS };
    }
    case 'pipeline': {
      const output = runUpdatePipeline(original, update as unknown[]);
      checkIdKept(original, output);
      const next = withOriginalId(original, output);
      if (identicalBson(original, next)) return unchanged(doc);
      const delta = computeDelta(original, next);
      if (!delta) return { doc: next, changed: true, description: null, disambiguatedPaths: NO_PATHS };
      const { description, disambiguatedPaths } = describeDelta(delta);
      return { doc: next, changed: true, description, disambiguatedPaths };
    }
  }
}
