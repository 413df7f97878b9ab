import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetStartError } from '../../src/core/errors.js';
import { defaultInfrastructure } from '../../src/core/learn-infrastructure.js';
import { LearnSession } from '../../src/core/learn-session.js';
import { timelineRows, type OrderRow } from '../../src/core/learn-timeline.js';
import { ProgressStore } from '../../src/core/progress-store.js';
import { startTarget } from '../../src/targets/resolve-target.js';
import type { RunningTarget } from '../../src/targets/target.js';
import { seedLesson, seedSession, seedSolution, sharedTargetInfrastructure, tempProgressFile } from '../support/learn.js';
import { until } from '../support/until.js';

/** Checks that must time out (a lost order never arrives) wait this long instead of the app's 5 s. */
const SHORT_TIMEOUT_MS = 1_000;

let target: RunningTarget;
const infrastructure = sharedTargetInfrastructure(() => target);

beforeAll(async () => {
  target = await startTarget({ target: 'embedded' });
});

afterAll(async () => {
  await target?.stop();
});

/** Runs the current step with `code`. */
async function runWith(session: LearnSession, code: string) {
  session.setCode(code);
  return session.run();
}

function orders(session: LearnSession): OrderRow[] {
  return timelineRows(session.state.lesson!.timeline).filter((row): row is OrderRow => row.kind === 'order');
}

describe('core/learn-session', () => {
  it('runs the reference solution through all four steps, saving code and passes after every run', async () => {
    const file = tempProgressFile();
    const session = await seedSession(infrastructure, { file });
    try {
      for (const [index, code] of seedSolution.entries()) {
        session.goTo(index);
        const run = await runWith(session, code);
        expect([seedLesson.steps[index]!.id, run.status, run.stoodIn]).toEqual([seedLesson.steps[index]!.id, 'pass', []]);
        expect(run.checks.length).toBeGreaterThan(0);
        const saved = ProgressStore.open(file).lesson(seedLesson.id)!;
        expect(saved.currentStep).toBe(seedLesson.steps[index]!.id);
        expect(saved.steps[seedLesson.steps[index]!.id]).toEqual({ code, passed: true, hintsShown: 0, solutionShown: false });
      }
      const rows = orders(session);
      expect(rows.length).toBeGreaterThanOrEqual(8);
      expect(rows.every((row) => row.fate === 'ok')).toBe(true);
      // The outage's orders were held on the first stream and reached the learner on the resumed one, with tokens.
      const gap = rows.filter((row) => row.duringOutage);
      expect(gap.length).toBeGreaterThanOrEqual(2);
      for (const row of gap) expect(row).toMatchObject({ heldOn: [1], deliveries: [{ stream: 2, token: expect.stringMatching(/^82/) }] });
      expect(session.state.lesson!.steps.every((s) => s.passed && s.solution !== undefined)).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('reports a wrong snippet with the check that failed, then passes on a state rebuilt for the fixed one', async () => {
    const session = await seedSession(infrastructure);
    try {
      await runWith(session, seedSolution[0]!);
      session.goTo(1);
      const wrong = await runWith(session, "let resumeToken = null;\nchangeStream.once('change', (change) => { resumeToken = change._id; });");
      expect(wrong.status).toBe('fail');
      expect(wrong.checks.find((c) => c.status === 'fail')).toMatchObject({
        name: 'events-received',
        message: expect.stringMatching(/^only 1 of the \d new orders reached the listener/),
      });
      // The listener went away after the first order: the other ones never reached it.
      expect(orders(session).map((row) => row.fate)).toEqual(['ok', ...Array(orders(session).length - 1).fill('lost')]);
      expect(session.state.lesson!.steps[1]!.passed).toBe(false);
      expect(session.state.lesson!.steps[1]!.solution).toBeUndefined();
      const fixed = await runWith(session, seedSolution[1]!);
      expect(fixed.status).toBe('pass');
      // The rebuild replayed step 1 in a fresh database: the timeline starts again and marks the replay.
      expect(session.state.lesson!.timeline.filter((e) => e.replay).map((e) => e.kind)).toEqual(['stream-opened', 'run-ended']);
    } finally {
      await session.close();
    }
  });

  it('grades a step ahead of the learner on a state where the reference solution stands in', async () => {
    const session = await seedSession(infrastructure);
    try {
      await runWith(session, seedSolution[0]!);
      session.goTo(2);
      const run = await runWith(session, seedSolution[2]!);
      expect([run.status, run.stoodIn]).toEqual(['pass', ['capture-token']]);
    } finally {
      await session.close();
    }
  });

  it('shows the orders of the outage as lost when the stream resumes from now', async () => {
    const session = await seedSession(infrastructure, { timeoutMs: SHORT_TIMEOUT_MS });
    try {
      for (const index of [0, 1, 2]) {
        session.goTo(index);
        const code = index === 2 ? 'changeStream.close();\nconst resumedChangeStream = db.orders.watch();' : seedSolution[index]!;
        await runWith(session, code);
      }
      session.goTo(3);
      const run = await runWith(session, seedSolution[3]!);
      expect(run.status).toBe('fail');
      const lost = orders(session).filter((row) => row.fate === 'lost');
      expect(lost.length).toBeGreaterThanOrEqual(2);
      expect(lost.every((row) => row.duringOutage && row.deliveries.length === 0)).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('places an error thrown by an earlier step\'s listener in that step', async () => {
    const session = await seedSession(infrastructure, { timeoutMs: SHORT_TIMEOUT_MS });
    try {
      await runWith(session, seedSolution[0]!);
      session.goTo(1);
      const run = await runWith(session, "let resumeToken = null;\nchangeStream.on('change', (change) => {\n  resumeToken = change._id.nope.deeper;\n});");
      expect(run.status).toBe('error');
      expect(run.error).toMatchObject({ name: 'TypeError', line: 3 });
    } finally {
      await session.close();
    }
  });

  it('gives one more hint per request, and the solution only once asked for or passed; resets a step and the lesson', async () => {
    const file = tempProgressFile();
    const session = await seedSession(infrastructure, { file });
    try {
      const step = () => session.state.lesson!.steps[session.state.lesson!.stepIndex]!;
      expect(step()).toMatchObject({ hints: [], hintCount: 2 });
      expect(step().solution).toBeUndefined();
      session.showHint();
      expect(step().hints).toEqual([seedLesson.steps[0]!.hints[0]]);
      session.showHint();
      session.showHint();
      expect(step().hints).toEqual(seedLesson.steps[0]!.hints);
      session.showSolution();
      expect(step()).toMatchObject({ solution: seedSolution[0], solutionShown: true });
      expect(ProgressStore.open(file).lesson(seedLesson.id)!.steps['open-stream']).toMatchObject({ hintsShown: 2, solutionShown: true });
      session.setCode('// mine');
      session.resetStep();
      expect(step()).toMatchObject({ code: seedLesson.steps[0]!.starter, hints: [] });
      expect(step().solution).toBeUndefined();
      session.goTo(3);
      session.setCode('// later');
      session.resetLesson();
      expect(session.state.lesson!.stepIndex).toBe(0);
      expect(session.state.lesson!.steps.map((s) => s.code)).toEqual(seedLesson.steps.map((s) => s.starter));
      expect(ProgressStore.open(file).lesson(seedLesson.id)).toEqual({ currentStep: 'open-stream', steps: {} });
    } finally {
      await session.close();
    }
  });

  it('continues where the learner left off, with their code, after a restart', async () => {
    const file = tempProgressFile();
    const first = await seedSession(infrastructure, { file });
    await runWith(first, seedSolution[0]!);
    first.goTo(1);
    first.setCode('let resumeToken = null; // unfinished');
    first.showHint();
    await first.close();
    const second = await seedSession(infrastructure, { file });
    try {
      const lesson = second.state.lesson!;
      expect(lesson.started).toBe(true);
      expect(lesson.stepIndex).toBe(1);
      expect(lesson.steps.map((s) => [s.passed, s.code])).toEqual([
        [true, seedSolution[0]],
        [false, 'let resumeToken = null; // unfinished'],
        [false, seedLesson.steps[2]!.starter],
        [false, seedLesson.steps[3]!.starter],
      ]);
      expect(lesson.steps[1]!.hints).toHaveLength(1);
      // Its first run rebuilds the state from the saved code of step 1.
      expect((await runWith(second, seedSolution[1]!)).status).toBe('pass');
    } finally {
      await second.close();
    }
  });

  it('shows a target that could not start, with what to do, and answers runs with it', async () => {
    const failing = {
      startTarget: () => Promise.reject(new TargetStartError('uri', 'connection refused')),
      startHost: defaultInfrastructure({}).startHost,
    };
    const session = new LearnSession({ lessons: [seedLesson], store: ProgressStore.open(tempProgressFile()), infrastructure: failing, targetKind: 'uri' });
    expect(session.state.target).toEqual({ state: 'starting', kind: 'uri' });
    session.start();
    await until(session, 'state', () => session.state.target.state === 'failed', 'the target to fail');
    expect(session.state.target).toEqual({
      state: 'failed',
      message: 'the uri target could not start: connection refused',
      hint: 'check that the replica set at the URI is running and reachable, or use --target embedded',
    });
    await session.openLesson(seedLesson.id);
    const run = await session.run();
    expect(run).toMatchObject({ status: 'error', error: { kind: 'setup', message: 'the uri target could not start: connection refused' } });
    await session.close();
  });
});
