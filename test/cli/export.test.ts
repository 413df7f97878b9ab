import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedLessonFile } from '../support/lessons.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** tsx's loader by path: a `--import tsx` would be looked up from the working directory, a temporary one here. */
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** A progress folder holding `lessons` as the app saves them. */
function progressHome(lessons: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'resume-lab-home-'));
  writeFileSync(join(home, 'progress.json'), JSON.stringify({ formatVersion: 1, lessons }, null, 2));
  return home;
}

/** The seed solution's code of each step, as the app would have saved it after passing. */
function solvedSteps(): Record<string, unknown> {
  const solution = seedLessonFile('solution.js');
  const parts = solution.split(/^\/\/ @step (\S+)\n/m).slice(1);
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < parts.length; i += 2) steps[parts[i]!] = { code: parts[i + 1]!.trim(), passed: true, hintsShown: 0, solutionShown: false };
  return steps;
}

/** The CLI run from source in `cwd`, with progress in `home`. */
async function runIn(cwd: string, home: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env: { ...process.env, RESUME_LAB_HOME: home, RESUME_LAB_NO_COLOR: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

describe('cli/export', () => {
  it('writes ./<lesson>.js with one marker per step, which resume-lab grade passes', async () => {
    const home = progressHome({ 'resume-tokens': { currentStep: 'keep-tracking', steps: solvedSteps() } });
    const cwd = mkdtempSync(join(tmpdir(), 'resume-lab-export-'));
    const exported = await runIn(cwd, home, ['export']);
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toBe('Wrote resume-tokens.js: 4 steps, 4 passed in the app.\nGrade it with: resume-lab grade resume-tokens resume-tokens.js\n');
    const text = readFileSync(join(cwd, 'resume-tokens.js'), 'utf8');
    expect(text.match(/^\/\/ @step .*$/gm)).toEqual(['// @step open-stream', '// @step capture-token', '// @step resume', '// @step keep-tracking']);
    const graded = await runCli(['grade', 'resume-tokens', join(cwd, 'resume-tokens.js'), '--format', 'json']);
    expect(graded.code).toBe(0);
  });

  it('fills the steps the learner never touched with their starter, and writes to stdout with --output -', async () => {
    const home = progressHome({ 'resume-tokens': { currentStep: 'capture-token', steps: { 'open-stream': { code: 'const changeStream = db.orders.watch();', passed: true, hintsShown: 1, solutionShown: false } } } });
    const { code, stdout } = await runCli(['export', 'resume-tokens', '--output', '-'], { RESUME_LAB_HOME: home });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '// resume-lab export of lesson "resume-tokens" (Resume tokens): 1 of 4 steps passed in the app.',
        '// Grade it with: resume-lab grade resume-tokens <this file>',
        '',
        '// @step open-stream',
        'const changeStream = db.orders.watch();',
        '',
        '// @step capture-token',
        'let resumeToken = null;',
        "// TODO: listen for 'change' events and store each event's resume token in resumeToken",
        '',
        '// @step resume',
        '// TODO: close changeStream, then resume after resumeToken',
        'const resumedChangeStream = null;',
        '',
        '// @step keep-tracking',
        '// TODO: listen on resumedChangeStream and keep resumeToken up to date',
        '',
      ].join('\n'),
    );
  });

  it('refuses a lesson without saved progress (exit 2), saying how to make some', async () => {
    const { code, stdout, stderr } = await runCli(['export'], { RESUME_LAB_HOME: progressHome({}) });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^resume-lab: no saved progress for lesson "resume-tokens" in .+progress\.json\nhint: work on it first with `resume-lab learn resume-tokens`: every run saves your code\n$/);
  });

  it('moves a corrupt progress file aside with a message instead of failing on it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'resume-lab-home-'));
    writeFileSync(join(home, 'progress.json'), '{ not json');
    const { code, stderr } = await runCli(['export', 'resume-tokens'], { RESUME_LAB_HOME: home });
    expect(code).toBe(2);
    expect(stderr).toMatch(/could not be read \(it is not valid JSON: .+\)\. It was moved to .+progress\.json\.corrupt-\S+ and progress starts afresh\.\nresume-lab: no saved progress/);
  });
});
