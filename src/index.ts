/**
 * resume-lab's programmatic API: the embedded replica set, and the targets that tests, benchmarks and graders run
 * against (embedded, memory-server or an existing replica set).
 */
export { DEFAULT_OPLOG_SIZE, startReplSet, type ReplSet, type ReplSetOptions } from './engine/index.js';
export { resolveTarget, startTarget, type TargetOptions } from './targets/resolve-target.js';
export {
  TARGET_KINDS,
  type RunningTarget,
  type StartableTargetKind,
  type Target,
  type TargetKind,
} from './targets/target.js';
