import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedLessonFile } from '../support/lessons.js';

const SOLUTION = 'lessons/resume-tokens/solution.js';
const FRESH_WATCH = 'lessons/resume-tokens/mutants/fresh-watch.js';

/** A submission file with this text in a fresh folder. */
function submissionFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'resume-lab-grade-')), 'submission.js');
  writeFileSync(file, text);
  return file;
}

/** Asserts that `value` has exactly these keys, each of the given type (`null` allowed where the type says so). */
function expectShape(value: unknown, shape: Record<string, string>): void {
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(shape).sort());
  for (const [key, type] of Object.entries(shape)) {
    const field = (value as Record<string, unknown>)[key];
    const actual = field === null ? 'null' : Array.isArray(field) ? 'array' : typeof field;
    expect(type.split('|'), `${key} is ${actual}`).toContain(actual);
  }
}

describe('cli/grade', () => {
  it('passes the reference solution with exit 0 and a readable report', async () => {
    const { code, stdout, stderr } = await runCli(['grade', 'resume-tokens', SOLUTION]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^ {2}✓ 1\. Open a change stream \[open-stream\] \d+ ms$/m);
    expect(stdout).toMatch(/^ {2}PASS 4\/4 steps in \d+ ms · seed 20240601 · target embedded 8\.0\.0$/m);
    expect(stdout).not.toContain('\x1b[');
  });

  it('fails a mutant with exit 1, says what to change, and marks the stand-in', async () => {
    const { code, stdout } = await runCli(['grade', 'resume-tokens', FRESH_WATCH]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}✗ 3\. Resume after an interruption \[resume\]/m);
    expect(stdout).toMatch(/✗ resume-after-last-processed: .* Expected .*, got no resumeAfter option\. Fix: pass the token you stored/);
    expect(stdout).toContain('graded with the reference solution standing in for your failed step resume');
    expect(stdout).toMatch(/^ {4}order-0004 +resume +held by the outage on stream 1 LOST$/m);
    expect(stdout).toMatch(/^ {2}FAIL 3\/4 steps/m);
  });

  it('prints the documented JSON report with --format json', async () => {
    const { code, stdout } = await runCli(['grade', 'resume-tokens', FRESH_WATCH, '--format', 'json', '--seed', '7']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Record<string, any>;
    expectShape(report, { schema: 'string', tool: 'object', lesson: 'object', target: 'object', seed: 'number', timeout_ms: 'number', status: 'string', submissions: 'array' });
    expect(report).toMatchObject({ schema: 'resume-lab/report@1', seed: 7, timeout_ms: 5000, status: 'fail' });
    expect(report.tool).toEqual({ name: 'resume-lab', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.lesson).toEqual({ id: 'resume-tokens', title: 'Resume tokens', format_version: 1 });
    expect(report.target).toEqual({ kind: 'embedded', server_version: '8.0.0' });
    const [submission] = report.submissions;
    expectShape(submission, { file: 'string', status: 'string', score: 'number', max_score: 'number', duration_ms: 'number', steps: 'array', timeline: 'array' });
    expect(submission).toMatchObject({ file: FRESH_WATCH, status: 'fail', score: 3, max_score: 4 });
    for (const step of submission.steps) {
      expectShape(step, { id: 'string', title: 'string', status: 'string', stood_in: 'array', duration_ms: 'number', checks: 'array', output: 'string', output_truncated: 'boolean', error: 'object|null' });
      for (const check of step.checks) expectShape(check, { name: 'string', status: 'string', message: 'string', expected: 'string|null', actual: 'string|null' });
    }
    expect(submission.steps.map((s: { id: string; status: string; stood_in: string[] }) => [s.id, s.status, s.stood_in])).toEqual([
      ['open-stream', 'pass', []],
      ['capture-token', 'pass', []],
      ['resume', 'fail', []],
      ['keep-tracking', 'pass', ['resume']],
    ]);
    for (const entry of submission.timeline) expectShape(entry, { run: 'number', step: 'string', kind: 'string', stream: 'number|null', order: 'string|null' });
  });

  it('reports a learner error with its line and column in the submission', async () => {
    const file = submissionFile(seedLessonFile('solution.js').replace('const changeStream = db.orders.watch();', 'const changeStream = db.orders.watch(;'));
    const { code, stdout } = await runCli(['grade', 'resume-tokens', file, '--format', 'json']);
    expect(code).toBe(1);
    const step = (JSON.parse(stdout) as { submissions: { steps: { status: string; error: unknown }[] }[] }).submissions[0]!.steps[0]!;
    expect(step.status).toBe('error');
    expect(step.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', file, line: 5, column: 38 });
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'resume-lab-grade-')), 'report.json');
    const { code, stdout, stderr } = await runCli(['grade', 'resume-tokens', SOLUTION, '--format', 'json', '--output', output]);
    expect([code, stdout, stderr]).toEqual([0, '', `Report written to ${output}.\n`]);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ schema: 'resume-lab/report@1', status: 'pass' });
  });

  it.each([
    [
      'a missing step marker',
      () => submissionFile('// @step open-stream\nconst changeStream = db.orders.watch();\n// @step resume\n'),
      (file: string) => `resume-lab: ${file}:3: step "capture-token" has no marker\nhint: add a line \`// @step capture-token\` followed by its code after the code of step "open-stream"\n`,
    ],
    [
      'an unknown step marker',
      () => submissionFile('// @step open-stream\n// @step capture-token\n// @step resume\n// @step keep-trackin\n'),
      (file: string) => `resume-lab: ${file}:4: unknown step "keep-trackin"\nhint: the lesson's steps are, in order: open-stream, capture-token, resume, keep-tracking\n`,
    ],
    [
      'an unreadable file',
      () => '/no/such/submission.js',
      () => 'resume-lab: /no/such/submission.js: no such file\nhint: pass the path of one JavaScript file with `// @step <id>` markers\n',
    ],
  ])('rejects %s with exit 2, the file, the line and the fix', async (_name, makeFile, message) => {
    const file = makeFile();
    const { code, stdout, stderr } = await runCli(['grade', 'resume-tokens', file]);
    expect([code, stdout, stderr]).toEqual([2, '', message(file)]);
  });

  it.each([
    [['grade', 'resume-token', SOLUTION], 'resume-lab: no lesson "resume-token"\nhint: use one of resume-tokens (`resume-lab lessons` lists them), the path of a lesson folder, or add --lessons-dir DIR\n'],
    [['grade', 'resume-tokens'], 'resume-lab: "grade" needs <file>\nhint: run `resume-lab grade --help` for the usage\n'],
    [['grade', 'resume-tokens', SOLUTION, '--format', 'xml'], 'resume-lab: invalid value "xml" for --format: expected one of pretty, json\nhint: set --format to one of pretty, json\n'],
    [['grade', 'resume-tokens', SOLUTION, '--seed', '-1'], 'resume-lab: --seed needs a value\nhint: write --seed <value>, or --seed=<value> for a value that starts with "-"\n'],
    [['grade', 'resume-tokens', SOLUTION, '--timeout', '5s'], 'resume-lab: invalid value "5s" for --timeout: expected a whole number of milliseconds from 100 to 600000\nhint: set --timeout to a whole number of milliseconds from 100 to 600000\n'],
  ])('rejects %j with exit 2', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('grades against a lesson folder given by path', async () => {
    const { code } = await runCli(['grade', 'lessons/resume-tokens', SOLUTION, '--format', 'json']);
    expect(code).toBe(0);
  });

  it('exits with 3 when the target cannot start', async () => {
    const { code, stdout, stderr } = await runCli(['grade', 'resume-tokens', SOLUTION, '--target', 'uri', '--uri', 'mongodb://127.0.0.1:1/?replicaSet=rs0', '--connect-timeout-ms', '300']);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toMatch(/^resume-lab: the uri target could not start: .+\nhint: check that the replica set at the URI is running and reachable, or use --target embedded\n$/);
  });
});
