/**
 * The delta mongod computes between the pre- and post-image of a pipeline-style update
 * (doc_diff::computeDocDiff / computeArrayDiff in src/mongo/db/update/document_diff_calculator.cpp):
 * fields in order, equal values skipped, documents and arrays of the same type diffed recursively, a shorter
 * array logged as a truncation, and any sub-diff that would be larger than the new value logged as the value.
 */
import { isDocument } from './bson-types.js';
import { compareStrings } from './compare.js';
import {
  type ArrayDelta,
  arrayDelta,
  type DeltaNode,
  type DocumentDelta,
  deltaSize,
  describeDelta,
  documentDelta,
  type UpdateDescription,
  valueSize,
} from './delta.js';
import { identicalBson } from './identical.js';

/** mongod's kSizeOfDeltaOplogEntryMetadata: the bytes `{$v: 2, diff: …}` adds around a top-level delta. */
const DELTA_OPLOG_METADATA_SIZE = 15;

function diffValue(pre: unknown, post: unknown): DeltaNode {
  let sub: DocumentDelta | ArrayDelta | null = null;
  if (isDocument(pre) && isDocument(post)) sub = computeDocumentDelta(pre, post, 0);
  else if (Array.isArray(pre) && Array.isArray(post)) sub = computeArrayDelta(pre, post);
  return sub ?? { kind: 'update', value: post };
}

function computeArrayDelta(pre: unknown[], post: unknown[]): ArrayDelta | null {
  const node = arrayDelta();
  const common = Math.min(pre.length, post.length);
  for (let i = 0; i < common; i++) {
    if (!identicalBson(pre[i], post[i])) node.children.set(i, diffValue(pre[i], post[i]));
  }
  for (let i = common; i < post.length; i++) node.children.set(i, { kind: 'update', value: post[i] });
  if (pre.length > post.length) node.newSize = post.length;
  return deltaSize(node) < valueSize(post) ? node : null;
}

function computeDocumentDelta(
  pre: Record<string, unknown>,
  post: Record<string, unknown>,
  padding: number,
): DocumentDelta | null {
  const node = documentDelta();
  const preKeys = Object.keys(pre);
  const postKeys = Object.keys(post);
  const deletes = new Set<string>();
  let p = 0;
  let q = 0;
  while (p < preKeys.length && q < postKeys.length) {
    const name = preKeys[p] as string;
    if (name !== postKeys[q]) {
      // Either removed or moved later; a later insert of the same name takes it out of `deletes`.
      deletes.add(name);
      p++;
      continue;
    }
    if (!identicalBson(pre[name], post[name])) node.children.set(name, diffValue(pre[name], post[name]));
    p++;
    q++;
  }
  for (; p < preKeys.length; p++) node.children.set(preKeys[p] as string, { kind: 'delete' });
  for (; q < postKeys.length; q++) {
    const name = postKeys[q] as string;
    node.children.set(name, { kind: 'insert', value: post[name] });
    deletes.delete(name);
  }
  for (const name of [...deletes].sort(compareStrings)) node.children.set(name, { kind: 'delete' });
  return deltaSize(node) + padding < valueSize(post) ? node : null;
}

/**
 * The delta of a whole document, or null when it would not be smaller than the new document: mongod then logs
 * the update as a replacement, which change streams report as a "replace" event.
 */
export function computeDelta(before: object, after: object): DocumentDelta | null {
  return computeDocumentDelta(
    before as Record<string, unknown>,
    after as Record<string, unknown>,
    DELTA_OPLOG_METADATA_SIZE,
  );
}

/**
 * The updateDescription a change stream reports for a pipeline-style update from `before` to `after`, or
 * null when mongod would log a replacement instead (the delta is not smaller than the new document).
 */
export function diffDocuments(before: object, after: object): UpdateDescription | null {
  const delta = computeDelta(before, after);
  return delta ? describeDelta(delta).description : null;
}
