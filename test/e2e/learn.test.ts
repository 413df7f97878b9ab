import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstyled } from '../support/ink.js';

/**
 * The built CLI in a real pseudo-terminal: `script` (util-linux, in Debian's essential bsdutils package) gives the
 * app a terminal whose size `stty` sets, while the test types into it and reads the frames. The CLI is compiled with
 * the package's own build settings into a folder of its own, so that a concurrent `npm pack` rebuilding dist/ cannot
 * change it under the test.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = findScript();

/** util-linux's `script`, or undefined when this machine has none (BSD's, on macOS, takes other options). */
function findScript(): string | undefined {
  try {
    return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux') ? 'script' : undefined;
  } catch {
    return undefined;
  }
}

if (SCRIPT === undefined) console.log("[e2e] skipped: no util-linux `script` command; install Debian's bsdutils (or util-linux) to run it");

/** How long a frame may take to show up before the test fails with what the terminal showed. */
const WAIT_MS = 30_000;

describe.skipIf(SCRIPT === undefined)('e2e: resume-lab in a terminal', () => {
  let build: string;
  beforeAll(async () => {
    build = mkdtempSync(join(tmpdir(), 'resume-lab-e2e-'));
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(build, 'dist')]);
    // The same second step as `npm run build`: Ink bundled into one file, as the package ships it.
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/bundle-ink.mjs'), join(build, 'dist')]);
    // The built CLI finds its lessons, version and packages next to dist/, as in the installed package.
    for (const name of ['lessons', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(build, name));
  }, 120_000);
  afterAll(() => {
    if (build !== undefined) rmSync(build, { recursive: true, force: true });
  });

  it('runs a step to a pass, saves it, and stops the database on quit', async () => {
    const home = mkdtempSync(join(tmpdir(), 'resume-lab-e2e-home-'));
    const terminal = openTerminal(`node ${join(build, 'dist/cli/main.js')} learn --target embedded`, { RESUME_LAB_HOME: home });
    try {
      await terminal.waitFor('Step 1 of 4: Open a change stream');
      await terminal.waitFor('database: embedded, ready');
      // Ctrl+K three times empties the starter, then the solution, then Ctrl+R.
      terminal.type('\x0b\x0b\x0bconst changeStream = db.orders.watch();\x12');
      const passed = await terminal.waitFor('Step passed! Move on to the next step?');
      expect(passed).toContain('PASSED: all 3 checks');
      terminal.type('q');
      expect(await terminal.exitCode()).toBe(0);
      expect(terminal.text()).toContain(`Your progress is saved in ${join(home, 'progress.json')}`);
      const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { formatVersion: number; lessons: Record<string, { steps: Record<string, unknown> }> };
      expect(saved.formatVersion).toBe(1);
      expect(saved.lessons['resume-tokens']!.steps['open-stream']).toEqual({ code: 'const changeStream = db.orders.watch();', passed: true, hintsShown: 0, solutionShown: false });
    } finally {
      terminal.kill();
    }
  });

  it('stops the database when the learner presses Ctrl+C', async () => {
    const home = mkdtempSync(join(tmpdir(), 'resume-lab-e2e-home-'));
    const terminal = openTerminal(`node ${join(build, 'dist/cli/main.js')} --target embedded`, { RESUME_LAB_HOME: home });
    try {
      const ready = await terminal.waitFor('database: embedded, ready');
      const port = Number(/ready at mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(ready)?.[1]);
      expect(await reachable(port)).toBe(true);
      terminal.type('\x03');
      expect(await terminal.exitCode()).toBe(0);
      expect(terminal.text()).toContain('Stopping the database…');
      expect(await reachable(port)).toBe(false);
    } finally {
      terminal.kill();
    }
  });

  it.each([
    ['NO_COLOR', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
  ])('draws no colour with %s', async (_name, args, env) => {
    const home = mkdtempSync(join(tmpdir(), 'resume-lab-e2e-home-'));
    const terminal = openTerminal(`node ${join(build, 'dist/cli/main.js')} learn ${args.join(' ')}`, { RESUME_LAB_HOME: home, ...env });
    try {
      await terminal.waitFor('database: embedded, ready');
      // Foreground and background colours are SGR 30-49 and 90-107; bold or inverse may stay.
      expect(terminal.raw()).not.toMatch(/\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/);
      // The cursor is a bar then, visible without any style.
      expect(terminal.text()).toContain('▏');
      terminal.type('\x03');
      expect(await terminal.exitCode()).toBe(0);
    } finally {
      terminal.kill();
    }
  });
});

/** Whether something accepts connections on the port of 127.0.0.1. */
async function reachable(port: number): Promise<boolean> {
  const socket = connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/** A command running in a pseudo-terminal of 100 columns and 50 rows. */
function openTerminal(command: string, env: Record<string, string>) {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env, TERM: 'xterm-256color', SHELL: '/bin/sh' };
  // The app would rightly refuse to be interactive in CI; this terminal is real.
  delete environment.CI;
  delete environment.CONTINUOUS_INTEGRATION;
  const child: ChildProcessWithoutNullStreams = spawn(SCRIPT!, ['-qefc', `stty cols 100 rows 50; exec ${command}`, '/dev/null'], { cwd: ROOT, env: environment });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const closed = once(child, 'close') as Promise<[number | null]>;
  return {
    type: (keys: string) => child.stdin.write(keys),
    text: () => unstyled(output),
    raw: () => output,
    /** Resolves with everything shown so far once `text` was shown; fails with the screen's tail after a while. */
    waitFor(text: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!unstyled(output).includes(text)) return;
          done();
          resolve(unstyled(output));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`"${text}" did not show within ${WAIT_MS} ms; the terminal showed:\n${unstyled(output).slice(-3000)}`));
        }, WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          child.stdout.off('data', check);
        };
        child.stdout.on('data', check);
        check();
      });
    },
    exitCode: async () => (await closed)[0],
    kill: () => child.kill(),
  };
}
