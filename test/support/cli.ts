import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The repository root, where the CLI runs from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What a CLI process did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as a real process, from source through tsx, to its end. The user's own resume-lab settings are
 * cleared so that they cannot change the outcome, and so are the CI markers and TERM a CI runner sets (the
 * same test must see the same thing on a laptop and in CI); `env` adds variables.
 */
export async function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      RESUME_LAB_DEBUG: '',
      RESUME_LAB_NO_COLOR: '',
      RESUME_LAB_TARGET: '',
      RESUME_LAB_URI: '',
      CI: '',
      CONTINUOUS_INTEGRATION: '',
      TERM: 'xterm-256color',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
