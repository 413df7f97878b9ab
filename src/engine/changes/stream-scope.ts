import type { OplogEntry } from './oplog-entry.js';
import type { StreamScope } from './stream-spec.js';

/** What a stream does with an oplog entry: skip it, show it, show it then invalidate, or only invalidate. */
export type ScopeVerdict = 'skip' | 'event' | 'event-then-invalidate' | 'invalidate';

const CLUSTER_EXCLUDED_DATABASES = new Set(['admin', 'config', 'local']);
const EXPANDED_ONLY = new Set(['create', 'createIndexes', 'dropIndexes', 'modify']);

function isUserCollection(coll: string | undefined): boolean {
  return coll === undefined || !(coll.startsWith('system.') || coll.startsWith('$'));
}

/**
 * mongod's change stream filters (change_stream_filter_helpers.cpp, changestreams.md 3.3): which
 * entries a stream at this scope sees, and which invalidate it. A collection stream ends on drop or
 * rename of its collection and on dropDatabase; a database stream on dropDatabase; a cluster
 * stream never.
 */
export function classify(entry: OplogEntry, scope: StreamScope, showExpandedEvents: boolean): ScopeVerdict {
  if (EXPANDED_ONLY.has(entry.op) && !showExpandedEvents) return 'skip';
  switch (scope.kind) {
    case 'collection': {
      const onIt = entry.db === scope.db && entry.coll === scope.coll;
      const ontoIt = entry.op === 'rename' && entry.to?.db === scope.db && entry.to.coll === scope.coll;
      if (entry.op === 'dropDatabase') return entry.db === scope.db ? 'invalidate' : 'skip';
      if (!onIt && !ontoIt) return 'skip';
      return entry.op === 'drop' || entry.op === 'rename' ? 'event-then-invalidate' : 'event';
    }
    case 'database': {
      const inIt = entry.db === scope.db || (entry.op === 'rename' && entry.to?.db === scope.db);
      if (!inIt || !isUserCollection(entry.coll)) return 'skip';
      return entry.op === 'dropDatabase' ? 'event-then-invalidate' : 'event';
    }
    case 'cluster':
      if (CLUSTER_EXCLUDED_DATABASES.has(entry.db) || !isUserCollection(entry.coll)) return 'skip';
      return 'event';
  }
}
