import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultInfrastructure, type LearnInfrastructure } from '../../src/core/learn-infrastructure.js';
import { LearnSession } from '../../src/core/learn-session.js';
import { ProgressStore } from '../../src/core/progress-store.js';
import { loadLesson } from '../../src/lessons/loader.js';
import type { Lesson } from '../../src/lessons/schema.js';
import { readSubmission } from '../../src/lessons/submission.js';
import type { RunningTarget } from '../../src/targets/target.js';
import { RESUME_TOKENS_DIR } from './lessons.js';

/** The seed lesson, loaded once per test file. */
export const seedLesson: Lesson = await loadLesson(RESUME_TOKENS_DIR);

/** The seed lesson's reference solution, one snippet per step in order. */
export const seedSolution: string[] = (await readSubmission(seedLesson.files.solution, seedLesson.steps.map((s) => s.id))).steps.map((s) => s.code.trim());

/** A progress file path in a fresh temporary folder. */
export function tempProgressFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'resume-lab-progress-')), 'progress.json');
}

/**
 * Real infrastructure (a worker sandbox host) on a target the test file shares: sessions stop their host, and the
 * file stops the target once.
 */
export function sharedTargetInfrastructure(target: () => RunningTarget): LearnInfrastructure {
  const real = defaultInfrastructure({ target: 'embedded' });
  return {
    startTarget: async () => ({ ...target(), stop: async () => undefined }),
    startHost: () => real.startHost(),
  };
}

/** A started session on the seed lesson, opened, with its own progress file unless one is given. */
export async function seedSession(infrastructure: LearnInfrastructure, options: { file?: string; timeoutMs?: number } = {}): Promise<LearnSession> {
  const store = ProgressStore.open(options.file ?? tempProgressFile());
  const session = new LearnSession({
    lessons: [seedLesson],
    store,
    infrastructure,
    targetKind: 'embedded',
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  session.start();
  await session.openLesson(seedLesson.id);
  return session;
}
