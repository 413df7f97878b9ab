import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { copySeedLesson, seedLessonFile, tempLessonsRoot } from '../support/lessons.js';

/** Every lesson folder shipped in lessons/: CI proves each one sound with `resume-lab lesson check`. */
const LESSON_DIRS = readdirSync(join(ROOT, 'lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `lessons/${entry.name}`);

describe('cli/lesson-check', () => {
  it.each(LESSON_DIRS)('proves %s sound (exit 0)', async (dir) => {
    const { code, stdout, stderr } = await runCli(['lesson', 'check', dir]);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/^✗/m);
    expect(stdout).toMatch(new RegExp(`^lesson check passed: ${dir} \\(\\d+ checks\\)$`, 'm'));
    expect(code).toBe(0);
  });

  it('exits with 1 and names the file, the problem and the fix when a mutant is not caught', async () => {
    const dir = copySeedLesson(tempLessonsRoot(), 'resume-tokens');
    writeFileSync(join(dir, 'mutants', 'harmless.js'), `// @fails-at resume\n// @why nothing is wrong with it\n${seedLessonFile('solution.js')}`);
    const { code, stdout } = await runCli(['lesson', 'check', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '✗ mutants/harmless.js: passes step "resume", so its checks do not catch this mistake: nothing is wrong with it\n' +
        '    fix: make the checks of "resume" reject it, or correct the mutant\'s `// @fails-at` line\n',
    );
    expect(stdout).toMatch(/^lesson check failed: .+, 1 of \d+ checks failed$/m);
  });

  it('exits with 2 for a folder that does not exist', async () => {
    expect(await runCli(['lesson', 'check', 'lessons/nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'resume-lab: no lesson "lessons/nope"\nhint: pass the path of a lesson folder, one that holds a lesson.md\n',
    });
  });
});
