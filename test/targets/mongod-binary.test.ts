import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMongodBinary } from '../../src/targets/mongod-binary.js';

describe('targets/mongod-binary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-lab-mongod-'));
    await writeFile(join(dir, 'mongod'), '#!/bin/sh\n');
    await chmod(join(dir, 'mongod'), 0o755);
    await writeFile(join(dir, 'not-executable'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cached = async () => '/cache/mongod-x64-8.2.6';
  const emptyCache = async () => undefined;

  it('takes an executable MONGOMS_SYSTEM_BINARY without looking in the cache', async () => {
    await expect(findMongodBinary(join(dir, 'mongod'), cached)).resolves.toEqual({
      path: join(dir, 'mongod'),
      source: 'system-binary',
    });
  });

  it.each([
    ['a missing file', 'missing/mongod'],
    ['a file that cannot run', 'not-executable'],
    ['a directory', '.'],
  ])('finds nothing when MONGOMS_SYSTEM_BINARY names %s, even with a cached binary', async (_what, name) => {
    await expect(findMongodBinary(join(dir, name), cached)).resolves.toBeUndefined();
  });

  it.each([
    ['a cached binary', cached, { path: '/cache/mongod-x64-8.2.6', source: 'cache' }],
    ['an empty cache', emptyCache, undefined],
  ])('uses %s when MONGOMS_SYSTEM_BINARY is unset', async (_what, lookInCache, expected) => {
    await expect(findMongodBinary(undefined, lookInCache)).resolves.toEqual(expected);
  });
});
