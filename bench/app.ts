import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultInfrastructure } from '../src/core/learn-infrastructure.js';
import { LearnSession } from '../src/core/learn-session.js';
import { ProgressStore } from '../src/core/progress-store.js';
import { loadLesson } from '../src/lessons/loader.js';
import { readSubmission } from '../src/lessons/submission.js';
import { median, since } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** App starts measured in a terminal. */
const STARTS = 10;
/** Times the lesson is run through, after one unmeasured round. */
const ROUNDS = 20;

/**
 * The interactive app on the embedded target: from process start to its first frame (the built CLI in a real
 * pseudo-terminal, from `script`, on a fresh progress folder), and from "run" to results for each seed step (a
 * LearnSession running the reference solution in order, as a learner does: each step on the state the previous ones
 * left; the first step of a round opens a fresh sandbox session and database).
 */
export async function benchApp(): Promise<Record<string, string>> {
  return { ...(await firstFrame()), ...(await runToResults()) };
}

async function firstFrame(): Promise<Record<string, string>> {
  if (!hasScript()) return { 'first frame': 'not measured: no util-linux `script` command' };
  const build = mkdtempSync(join(tmpdir(), 'resume-lab-bench-'));
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(build, 'dist')]);
    // The same second step as `npm run build`: Ink bundled into one file, as the package ships it.
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/bundle-ink.mjs'), join(build, 'dist')]);
    for (const name of ['lessons', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(build, name));
    const main = join(build, 'dist/cli/main.js');
    const frames: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const home = mkdtempSync(join(tmpdir(), 'resume-lab-bench-home-'));
      frames.push(await timeToOutput(`node ${main} learn --target embedded`, 'Step 1 of 4', home));
      baseline.push(await timeToOutput(`node -e "process.stdout.write('Step 1 of 4')"`, 'Step 1 of 4', home));
      rmSync(home, { recursive: true, force: true });
    }
    return {
      'first frame median ms': median(frames).toFixed(0),
      'of which pty + bare node start': median(baseline).toFixed(0),
    };
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

/** Whether util-linux's `script` is here (BSD's, on macOS, takes other options). */
function hasScript(): boolean {
  try {
    return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux');
  } catch {
    return false;
  }
}

/** Milliseconds from spawning `command` in a 100x50 pseudo-terminal until `text` shows; the command is then stopped. */
async function timeToOutput(command: string, text: string, home: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, RESUME_LAB_HOME: home, TERM: 'xterm-256color', SHELL: '/bin/sh' };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  const started = performance.now();
  const child = spawn('script', ['-qfec', `stty cols 100 rows 50; exec ${command}`, '/dev/null'], { env });
  let output = '';
  const shown = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').includes(text)) resolve(since(started));
    });
    child.once('close', () => reject(new Error(`"${command}" ended before showing "${text}"`)));
  });
  child.stdin.write('\x03');
  await new Promise((resolve) => child.once('close', resolve));
  return shown;
}

async function runToResults(): Promise<Record<string, string>> {
  const lesson = await loadLesson(join(ROOT, 'lessons/resume-tokens'));
  const solution = await readSubmission(lesson.files.solution, lesson.steps.map((s) => s.id));
  const store = ProgressStore.open(join(mkdtempSync(join(tmpdir(), 'resume-lab-bench-')), 'progress.json'));
  const session = new LearnSession({ lessons: [lesson], store, infrastructure: defaultInfrastructure({ target: 'embedded' }), targetKind: 'embedded' });
  const times = new Map<string, number[]>(lesson.steps.map((s) => [s.id, []]));
  try {
    session.start();
    await session.openLesson(lesson.id);
    for (let round = 0; round <= ROUNDS; round++) {
      session.resetLesson();
      for (const [index, step] of solution.steps.entries()) {
        session.goTo(index);
        session.setCode(step.code);
        const run = await session.run();
        if (run.status !== 'pass') throw new Error(`step ${step.id} did not pass: ${JSON.stringify(run.checks)}`);
        if (round > 0) times.get(step.id)!.push(run.durationMs);
      }
    }
  } finally {
    await session.close();
  }
  return Object.fromEntries([...times].map(([id, values]) => [`run to results ${id} median ms`, median(values).toFixed(1)]));
}
