/**
 * resume-lab's programmatic API: the embedded replica set, the targets that tests, benchmarks and graders run
 * against (embedded, memory-server or an existing replica set), and the types a lesson's checks module is written
 * against in JSDoc: `@type {import('resume-lab').LessonChecks}`.
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
export type {
  Binding,
  ChangeStreamOpen,
  CheckResult,
  Failure,
  Harness,
  LearnerStream,
  LessonChecks,
  LessonExplanations,
  Order,
  Replay,
  StepChecks,
} from './grading/api.js';
