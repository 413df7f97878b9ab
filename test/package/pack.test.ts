import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../support/targets.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The published package, as a learner gets it: packed, installed into an empty directory, run
// through npx. Slow (an npm install), so it runs once for the whole file.
describe('the packed package', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-lab-pack-'));
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT });
    const tarball = join(dir, stdout.trim().split('\n').pop()!);
    await writeFile(join(dir, 'package.json'), '{"name": "empty-project", "private": true}');
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: dir });
  }, 240_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers npx resume-lab --version', async () => {
    const { stdout } = await run('npx', ['resume-lab', '--version'], { cwd: dir });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs resume-lab db from the installed bin: a replica set the driver can use, stopped by SIGTERM', async () => {
    // The bin npx resolves to, run directly so the signal reaches it rather than npm.
    const child = spawn(join(dir, 'node_modules', '.bin', 'resume-lab'), ['db'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const uri = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const client = await connect(uri);
    try {
      await client.db('pack').collection('check').insertOne({ ok: true });
      expect(await client.db('pack').collection('check').countDocuments()).toBe(1);
    } finally {
      await client.close();
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
