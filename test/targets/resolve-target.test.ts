import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidUriError,
  MissingUriError,
  MongodBinaryNotFoundError,
  PortInUseError,
  TargetStartError,
} from '../../src/core/errors.js';
import { resolveTarget, startTarget, type TargetOptions } from '../../src/targets/resolve-target.js';

/** The cache look-up of a machine without mongod, so results do not depend on this machine's cache. */
const emptyCache = async () => undefined;
/** Loopback port 1 is never served here, so the driver is refused at once (no traffic leaves the machine). */
const REFUSED_URI = 'mongodb://127.0.0.1:1/?replicaSet=rs0';
/** A MONGOMS_SYSTEM_BINARY that names no file. */
const MISSING_MONGOD = '/nonexistent/resume-lab/mongod';
/** Short enough to keep the test quick; the refusal itself needs no waiting. */
const SHORT_TIMEOUT_MS = 300;

describe('targets/resolve-target', () => {
  let dir: string;
  let fakeMongod: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-lab-target-'));
    fakeMongod = join(dir, 'mongod');
    await writeFile(fakeMongod, '#!/bin/sh\nexit 1\n');
    await chmod(fakeMongod, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Options left out come from the environment; clear it so the developer's own settings do not leak in.
  beforeEach(() => {
    for (const name of ['RESUME_LAB_TARGET', 'RESUME_LAB_URI', 'RESUME_LAB_CONNECT_TIMEOUT_MS', 'MONGOMS_SYSTEM_BINARY']) {
      vi.stubEnv(name, '');
    }
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const choices: { name: string; options: () => TargetOptions; kind: string }[] = [
    { name: 'auto with no binary', options: () => ({ target: 'auto', lookInCache: emptyCache }), kind: 'embedded' },
    {
      name: 'auto with a missing MONGOMS_SYSTEM_BINARY',
      options: () => ({ target: 'auto', mongodSystemBinary: MISSING_MONGOD }),
      kind: 'embedded',
    },
    {
      name: 'auto with a cached binary',
      options: () => ({ target: 'auto', lookInCache: async () => fakeMongod }),
      kind: 'memory-server',
    },
    {
      name: 'auto with MONGOMS_SYSTEM_BINARY',
      options: () => ({ target: 'auto', mongodSystemBinary: fakeMongod }),
      kind: 'memory-server',
    },
    {
      name: 'auto with a URI, even with a binary',
      options: () => ({ target: 'auto', uri: REFUSED_URI, mongodSystemBinary: fakeMongod }),
      kind: 'uri',
    },
    {
      name: 'embedded, even with a binary',
      options: () => ({ target: 'embedded', mongodSystemBinary: fakeMongod }),
      kind: 'embedded',
    },
    {
      name: 'memory-server with no binary (that fails on start)',
      options: () => ({ target: 'memory-server', lookInCache: emptyCache }),
      kind: 'memory-server',
    },
    { name: 'uri', options: () => ({ target: 'uri', uri: REFUSED_URI }), kind: 'uri' },
  ];
  it.each(choices)('$name → $kind', async ({ options, kind }) => {
    await expect(resolveTarget(options())).resolves.toMatchObject({ kind });
  });

  it('takes the target and the binary from the environment when not given', async () => {
    vi.stubEnv('MONGOMS_SYSTEM_BINARY', fakeMongod);
    await expect(resolveTarget()).resolves.toMatchObject({ kind: 'memory-server' });
    vi.stubEnv('RESUME_LAB_TARGET', 'embedded');
    await expect(resolveTarget()).resolves.toMatchObject({ kind: 'embedded' });
  });

  it('asks for a URI when the uri target has none', async () => {
    await expect(resolveTarget({ target: 'uri' })).rejects.toBeInstanceOf(MissingUriError);
  });

  describe('memory-server without a mongod binary', () => {
    // Never reaching mongodb-memory-server proves that no download was tried, without timing anything.
    async function spyOnCreate() {
      const { MongoMemoryReplSet } = await import('mongodb-memory-server');
      return vi.spyOn(MongoMemoryReplSet, 'create');
    }

    it.each([
      ['MONGOMS_SYSTEM_BINARY names no file', () => ({ mongodSystemBinary: MISSING_MONGOD }), MISSING_MONGOD],
      ['the cache is empty', () => ({ lookInCache: emptyCache }), undefined],
    ])('fails with MongodBinaryNotFoundError when %s, before starting anything', async (_name, options, systemBinary) => {
      const create = await spyOnCreate();
      const error = await startTarget({ target: 'memory-server', ...options() }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(MongodBinaryNotFoundError);
      expect(error).toMatchObject({ systemBinary, exitCode: 3 });
      expect(create).not.toHaveBeenCalled();
    });

    it('looks in the real mongodb-memory-server cache without downloading', async () => {
      const create = await spyOnCreate();
      const outcome = await startTarget({ target: 'memory-server' }).then(
        (target) => target,
        (err: unknown) => err,
      );
      // A machine with a cached mongod starts it; any other ends in MongodBinaryNotFoundError, never a download.
      if (outcome instanceof MongodBinaryNotFoundError) {
        expect(create).not.toHaveBeenCalled();
      } else {
        expect(outcome).toMatchObject({ kind: 'memory-server' });
        await (outcome as { stop(): Promise<void> }).stop();
      }
    });
  });

  describe('uri', () => {
    it('rejects a connection string the driver cannot parse, hiding its password', async () => {
      const error = await startTarget({ target: 'uri', uri: 'mongodb://alice:pw@h:99999/' }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(InvalidUriError);
      expect(error).toMatchObject({ uri: 'mongodb://alice:***@h:99999/', exitCode: 2 });
    });

    it('fails with TargetStartError when nothing answers', async () => {
      const error = await startTarget({ target: 'uri', uri: REFUSED_URI, connectTimeoutMs: SHORT_TIMEOUT_MS }).catch(
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(TargetStartError);
      expect(error).toMatchObject({ kind: 'uri', exitCode: 3, code: 'TARGET_START_FAILED' });
    });
  });

  describe('embedded', () => {
    it('starts a replica set that the driver can use, and reports it ready to connect to', async () => {
      const target = await startTarget({ target: 'embedded' });
      try {
        expect(target.kind).toBe('embedded');
        expect(target.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/);
        const client = await new MongoClient(target.uri, { serverSelectionTimeoutMS: 10_000 }).connect();
        try {
          await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
        } finally {
          await client.close();
        }
      } finally {
        await target.stop();
      }
    });

    it('serves as a uri target too', async () => {
      const embedded = await startTarget({ target: 'embedded' });
      try {
        const target = await startTarget({ target: 'uri', uri: embedded.uri });
        expect(target).toMatchObject({ kind: 'uri', uri: embedded.uri, serverVersion: expect.any(String) });
        await target.stop();
      } finally {
        await embedded.stop();
      }
    });

    it('fails with PortInUseError on a taken port', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const error = await startTarget({ target: 'embedded', embedded: { port } }).catch((err: unknown) => err);
        expect(error).toBeInstanceOf(PortInUseError);
        expect(error).toMatchObject({ port, kind: 'embedded', exitCode: 3 });
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });
  });
});
