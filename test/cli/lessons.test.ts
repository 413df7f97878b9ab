import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { copySeedLesson, seedLessonFile, tempLessonsRoot } from '../support/lessons.js';

const SEED_STEPS = ['open-stream', 'capture-token', 'resume', 'keep-tracking'];

describe('cli/lessons', () => {
  it('lists the built-in lesson with its steps', async () => {
    const { code, stdout, stderr } = await runCli(['lessons', '--no-color']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^resume-tokens {2}Resume tokens \(4 steps, about 20 min\)$/m);
    for (const [i, id] of SEED_STEPS.entries()) expect(stdout).toMatch(new RegExp(`^ {4}${i + 1}\\. .+ \\[${id}\\]$`, 'm'));
  });

  it('prints the documented JSON with --json, including an instructor folder from --lessons-dir', async () => {
    const root = tempLessonsRoot();
    copySeedLesson(root, 'my-lesson');
    const { code, stdout } = await runCli(['lessons', '--json', '--lessons-dir', root]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { schema: string; lessons: Record<string, unknown>[] };
    expect(document.schema).toBe('resume-lab/lessons@1');
    expect(document.lessons.map((l) => l.id)).toEqual(['resume-tokens', 'my-lesson']);
    expect(document.lessons[1]).toEqual({
      id: 'my-lesson',
      title: 'Resume tokens',
      summary: expect.any(String),
      estimated_minutes: 20,
      format_version: 1,
      dir: join(root, 'my-lesson'),
      steps: SEED_STEPS.map((id) => ({ id, title: expect.any(String) })),
    });
  });

  it('refuses two lessons with one id (exit 2), naming both folders', async () => {
    const root = tempLessonsRoot();
    const twin = copySeedLesson(root);
    const { code, stdout, stderr } = await runCli(['lessons', '--lessons-dir', root]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `resume-lab: two lessons have the id "resume-tokens": lessons/resume-tokens and ${twin}\n` +
        'hint: change the id in the front matter of one lesson.md, and rename its folder to match\n',
    );
  });

  it('reports a malformed lesson (exit 2) with its file, line and field, and no stack trace', async () => {
    const dir = copySeedLesson(tempLessonsRoot(), 'broken');
    writeFileSync(join(dir, 'lesson.md'), seedLessonFile('lesson.md').replace('estimatedMinutes: 20', 'estimatedMinutes: twenty'));
    const { code, stderr } = await runCli(['lessons', '--lessons-dir', dir]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `resume-lab: ${join(dir, 'lesson.md')}:7: estimatedMinutes: expected a whole number of minutes from 1 to 600, got "twenty"\n` +
        'hint: write it like `estimatedMinutes: 20`\n',
    );
  });

  it('rejects a --lessons-dir that is not a folder (exit 2)', async () => {
    const { code, stderr } = await runCli(['lessons', '--lessons-dir', '/no/such/dir']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^resume-lab: --lessons-dir \/no\/such\/dir is not a folder\nhint: /);
  });
});
