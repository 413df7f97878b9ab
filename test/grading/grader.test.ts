import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Grader } from '../../src/grading/grader.js';
import { orderFates } from '../../src/grading/timeline.js';
import { loadLesson } from '../../src/lessons/loader.js';
import type { Lesson } from '../../src/lessons/schema.js';
import { parseSubmission, readSubmission } from '../../src/lessons/submission.js';
import { startTarget } from '../../src/targets/resolve-target.js';
import type { RunningTarget } from '../../src/targets/target.js';
import { RESUME_TOKENS_DIR, seedLessonFile } from '../support/lessons.js';

/** How the grader runs a submission: stand-ins after a failed step, learner errors, reproducibility. */

const lesson: Lesson = await loadLesson(RESUME_TOKENS_DIR);
const stepIds = lesson.steps.map((s) => s.id);
/** A short timeout keeps the cases that must time out quick. */
const TIMEOUT_MS = 1_000;
let target: RunningTarget;
let grader: Grader;

beforeAll(async () => {
  target = await startTarget({ target: 'embedded' });
  grader = await Grader.start({ lesson, target, timeoutMs: TIMEOUT_MS });
});

afterAll(async () => {
  await grader?.close();
  await target?.stop();
});

/** The reference solution with one step's code replaced. */
function solutionWith(step: string, code: string): string {
  const solution = seedLessonFile('solution.js');
  const start = solution.indexOf(`// @step ${step}\n`) + `// @step ${step}\n`.length;
  const end = solution.indexOf('// @step', start);
  return `${solution.slice(0, start)}${code}\n${end < 0 ? '' : solution.slice(end)}`;
}

const grade = (text: string) => grader.grade(parseSubmission(text, '/work/submission.js', stepIds));

describe('grading/grader', () => {
  it('grades later steps after a failure, with the reference solution standing in and the report saying so', async () => {
    const report = await grade(solutionWith('capture-token', "let resumeToken = null;\nchangeStream.on('change', (change) => { if (resumeToken === null) resumeToken = change._id; });"));
    expect(report.steps.map((s) => [s.id, s.status, s.stoodIn])).toEqual([
      ['open-stream', 'pass', []],
      ['capture-token', 'fail', []],
      ['resume', 'pass', ['capture-token']],
      ['keep-tracking', 'pass', ['capture-token']],
    ]);
    expect(report).toMatchObject({ status: 'fail', score: 3, maxScore: 4, rebuilds: [['capture-token']] });
    expect(new Set(report.timeline.map((e) => e.run))).toEqual(new Set([1, 2]));
  });

  it('replays the learner\'s own passing steps when it rebuilds, and stands in only for the failed ones', async () => {
    const wrongCollection = solutionWith('open-stream', 'const changeStream = db.order.watch();');
    const text = wrongCollection.replace('changeStream.close();', '');
    const report = await grade(text);
    expect(report.steps.map((s) => [s.id, s.status, s.stoodIn])).toEqual([
      ['open-stream', 'fail', []],
      ['capture-token', 'pass', ['open-stream']],
      ['resume', 'fail', ['open-stream']],
      ['keep-tracking', 'pass', ['open-stream', 'resume']],
    ]);
  });

  it('locates learner errors in the submission file, also those thrown later by an earlier listener', async () => {
    const text = [
      '// @step open-stream', //                                                          1
      'const changeStream = db.orders.watch(;', //                                        2
      '// @step capture-token', //                                                        3
      'let resumeToken = null;', //                                                       4
      "changeStream.on('change', (change) => {", //                                       5
      '  resumeToken = change._id;', //                                                   6
      '  if (change.fullDocument.orderNo === 2) undefinedThing();', //                    7
      '});', //                                                                           8
      '// @step resume', //                                                               9
      'changeStream.close();', //                                                         10
      'const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });', // 11
      '// @step keep-tracking', //                                                        12
      "resumedChangeStream.on('change', (change) => { resumeToken = change._id; });", //  13
    ].join('\n');
    const report = await grade(text);
    expect(report.steps.map((s) => s.status)).toEqual(['error', 'error', 'pass', 'pass']);
    expect(report.steps[0]!.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', file: '/work/submission.js', line: 2, column: 38 });
    expect(report.steps[1]!.error).toMatchObject({ kind: 'runtime', name: 'ReferenceError', file: '/work/submission.js', line: 7, column: 42 });
    expect(report.steps[1]!.error!.explanation).toMatch(/undefinedThing/);
  });

  it('stops a step whose listener never returns, and grades the next step on a fresh host', async () => {
    const report = await grade(solutionWith('capture-token', "let resumeToken = null;\nchangeStream.on('change', () => { while (true) {} });"));
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['open-stream', 'pass'],
      ['capture-token', 'error'],
      ['resume', 'pass'],
      ['keep-tracking', 'pass'],
    ]);
    expect(report.steps[1]!.error).toMatchObject({ kind: 'timeout' });
  });

  it('leaves no database behind, not even the one of a run whose host was killed', async () => {
    await grade(solutionWith('keep-tracking', "resumedChangeStream.on('change', () => { for (;;) {} });"));
    const client = await new MongoClient(target.uri).connect();
    try {
      const { databases } = await client.db('admin').admin().listDatabases();
      expect(databases.map((d) => d.name).filter((name) => name.startsWith(`${lesson.database}_`))).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("keeps the learner's output with the step that printed it", async () => {
    const report = await grade(solutionWith('keep-tracking', "resumedChangeStream.on('change', (change) => { resumeToken = change._id; print('got', change.fullDocument._id); });\nprint('listening');"));
    const output = report.steps[3]!.output;
    expect(output[0]).toBe('listening');
    expect(output).toContain('got order-0004');
  });

  it('inserts the same orders for the same seed, and records what happened to each', async () => {
    const solution = await readSubmission(lesson.files.solution, stepIds);
    const first = await grader.grade(solution);
    const second = await grader.grade(solution);
    // Deliveries interleave with the next inserts as the server answers, so the fates are compared, not the order.
    expect(orderFates(second.timeline)).toEqual(orderFates(first.timeline));
    expect(orderFates(first.timeline).every((fate) => fate.deliveredOn.length === 1)).toBe(true);
    const kinds = new Set(first.timeline.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['stream-opened', 'inserted', 'delivered', 'held', 'outage-started', 'outage-ended', 'stream-closed']));
  });

  it('draws different order counts from different seeds', async () => {
    const solution = await readSubmission(lesson.files.solution, stepIds);
    const counts = new Set<number>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const other = await Grader.start({ lesson, target, seed });
      try {
        const report = await other.grade(solution);
        expect(report.status).toBe('pass');
        counts.add(report.timeline.filter((e) => e.kind === 'inserted').length);
      } finally {
        await other.close();
      }
    }
    expect(counts.size).toBeGreaterThan(1);
  });
});
