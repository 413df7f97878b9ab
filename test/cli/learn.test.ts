import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * `resume-lab` and `resume-lab learn` without a terminal: tests run the CLI with pipes, which is exactly the case of
 * CI logs and `resume-lab | less`. The interactive app itself is driven in test/ui/learn-app and test/e2e.
 */

describe('cli/learn', () => {
  it('prints the lessons and how to grade a file, and exits 0, when it has no terminal', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(0);
    expect(stderr).toBe('resume-lab: the interactive tutorial needs a terminal (standard input is not a terminal); here is what you can do without one.\n');
    expect(stdout).toMatch(/^resume-tokens {2}Resume tokens \(4 steps, about 20 min\)$/m);
    expect(stdout).toContain('To grade a file of your own: resume-lab grade <lesson> <file>');
    expect(stdout).toContain('    // @step open-stream\n    ...\n    // @step capture-token\n');
    expect(stdout).toContain('resume-lab export [lesson]');
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it.each([
    [{ CI: 'true' }, 'CI is set'],
    [{ TERM: 'dumb' }, 'TERM is dumb'],
  ])('says why it is not interactive with %j', async (env, reason) => {
    const { code, stderr } = await runCli(['learn'], { ...env });
    expect(code).toBe(0);
    expect(stderr).toContain(`needs a terminal (${reason})`);
  });

  it('lists only the lesson it was given, and refuses one that does not exist', async () => {
    const named = await runCli(['learn', 'resume-tokens', '--no-color']);
    expect(named.code).toBe(0);
    expect(named.stdout.match(/^\S+ {2}/gm)).toEqual(['resume-tokens  ']);
    const unknown = await runCli(['learn', 'no-such-lesson']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('resume-lab: no lesson "no-such-lesson"\nhint: use one of resume-tokens (`resume-lab lessons` lists them), the path of a lesson folder, or add --lessons-dir DIR\n');
  });

  it('takes the options of learn without a command, and still prints help and the version', async () => {
    expect((await runCli(['--target', 'embedded'])).code).toBe(0);
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}learn \[lesson\] .+the interactive tutorial/m);
    expect((await runCli(['learn', '--help'])).stdout).toMatch(/^Usage: resume-lab learn \[lesson\]/m);
  });
});
