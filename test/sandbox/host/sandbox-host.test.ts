import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutputLine } from '../../../src/sandbox/api.js';
import { SandboxDisposedError, SandboxHostDeadError, SandboxMethodError, SessionNotOpenError, UnknownMethodError } from '../../../src/sandbox/errors.js';
import { startSandboxHost, type SandboxHost, type SandboxHostKind } from '../../../src/sandbox/host/index.js';
import { startReplSet, type ReplSet } from '../../../src/engine/index.js';
import { uniqueDbName } from '../../support/targets.js';
import { OFFLINE_URI, TEST_LIMITS, texts } from '../support.js';

const HARNESS = fileURLToPath(new URL('../fixtures/harness-module.ts', import.meta.url));
const KINDS: SandboxHostKind[] = ['worker', 'process'];
/** Evaluations timed for the figure in the performance test. */
const TIMED_EVALUATIONS = 50;

describe.each(KINDS)('src/sandbox/host on a %s host', (kind) => {
  let rs: ReplSet;
  let host: SandboxHost | undefined;
  beforeAll(async () => {
    rs = await startReplSet();
  });
  afterAll(() => rs.stop());
  afterEach(() => host?.dispose());

  const start = async (uri = OFFLINE_URI) => {
    host = await startSandboxHost({ kind, limits: TEST_LIMITS });
    await host.call('session.open', { uri, dbName: uniqueDbName('sbx') });
    return host;
  };

  it('evaluates snippets with persistent bindings and streams their output as it is printed', async () => {
    const h = await start();
    const streamed: OutputLine[] = [];
    h.on('output', (line) => streamed.push(line));
    expect((await h.evaluate("let x = 41\nprint('hello')")).output).toEqual([{ stream: 'out', text: 'hello' }]);
    expect(await h.evaluate('x + 1')).toMatchObject({ ok: true, value: '42', evaluation: 2 });
    expect(streamed).toEqual([{ stream: 'out', text: 'hello' }]);
  });

  it('stops a synchronous endless loop with a timeout error and stays usable', async () => {
    const h = await start();
    const result = await h.evaluate("let kept = 'yes'\nwhile (true) {}");
    expect(result.error).toMatchObject({ kind: 'timeout', message: `your code ran for more than ${TEST_LIMITS.syncTimeoutMs} ms without finishing` });
    expect(h.state).toBe('ready');
    expect((await h.evaluate('kept')).value).toBe("'yes'");
  });

  it('kills a host stuck in a callback loop, answers with a timeout, and restarts with its modules', async () => {
    const h = await start();
    await h.loadModule(HARNESS);
    const result = await h.evaluate("print('before')\nawait new Promise(() => setTimeout(() => { while (true) {} }, 0))");
    expect(result.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('without finishing') });
    expect(texts(result)).toEqual(['before']);
    expect(h.state).toBe('dead');
    await expect(h.evaluate('1')).rejects.toBeInstanceOf(SandboxHostDeadError);

    await h.restart();
    await h.call('session.open', { uri: OFFLINE_URI, dbName: 'again' });
    expect((await h.evaluate('let fresh = 1; fresh')).value).toBe('1');
    expect(await h.call('fixture.bindingNames')).toEqual(['fresh']);
  });

  it('reports a snippet that ends its process as a crash, and the caller goes on', async () => {
    const h = await start();
    const result = await h.evaluate("print('bye')\nthis.constructor.constructor('return process')().exit(1)");
    expect(result.error).toMatchObject({ kind: 'crash', message: 'the sandbox stopped while running your code: it exited with code 1' });
    expect(h.state).toBe('dead');
    await h.restart();
    expect(h.state).toBe('ready');
  });

  it('has no process.exit or require for snippets, and says so', async () => {
    const h = await start();
    const exited = await h.evaluate('process.exit(1)');
    expect(exited.error).toMatchObject({ kind: 'runtime', name: 'ReferenceError', message: 'process is not defined' });
    const required = await h.evaluate("require('fs').readFileSync('/etc/passwd')");
    expect(required.error).toMatchObject({ kind: 'runtime', name: 'ReferenceError', message: 'require is not defined' });
    expect(h.state).toBe('ready');
  });

  it('gives a snippet that escapes the vm an empty environment and no signals', async () => {
    process.env.RESUME_LAB_SANDBOX_TEST_SECRET = 'parent-secret';
    try {
      const h = await start();
      const result = await h.evaluate(
        "const p = this.constructor.constructor('return process')()\nlet killed\ntry { p.kill(p.ppid, 'SIGKILL') } catch (e) { killed = e.message }\nprint(JSON.stringify([p.env.RESUME_LAB_SANDBOX_TEST_SECRET ?? null, Object.keys(p.env), killed]))",
      );
      expect(JSON.parse(texts(result)[0]!)).toEqual([null, [], 'signals are not available in the sandbox']);
    } finally {
      delete process.env.RESUME_LAB_SANDBOX_TEST_SECRET;
    }
  });

  it('runs harness methods from loadModule next to the learner objects, on a real database', async () => {
    const h = await start(rs.uri);
    expect(await h.loadModule(HARNESS)).toContain('fixture.waitForDeliveries');
    await h.evaluate("let resumeToken = null\nconst seen = []\nconst changeStream = db.orders.watch()\nchangeStream.on('change', (e) => { seen.push(e.fullDocument.n); resumeToken = e._id })");
    await h.call('fixture.waitForReady');
    await h.call('fixture.insertOrders', { from: 1, count: 3 });
    await h.call('fixture.waitForDeliveries', { count: 3 });
    expect((await h.evaluate('seen')).value).toBe('[ 1, 2, 3 ]');
    expect(await h.call('fixture.bindingNames')).toEqual(['changeStream', 'resumeToken', 'seen']);
  });

  it('keeps the host up when a change listener throws, and reports it with the next result', async () => {
    const h = await start(rs.uri);
    await h.loadModule(HARNESS);
    await h.evaluate("db.orders.watch().on('change', () => { throw new Error('listener broke') })");
    await h.call('fixture.waitForReady');
    await h.call('fixture.insertOrders', { from: 1, count: 1 });
    await h.call('fixture.waitForDeliveries', { count: 1 });
    const result = await h.evaluate('1');
    expect(result.error).toMatchObject({ kind: 'runtime', message: "listener broke (in a 'change' listener)", position: { line: 1, column: 46, evaluation: 1 } });
    expect(h.state).toBe('ready');
  });

  it('answers method failures with typed errors', async () => {
    host = await startSandboxHost({ kind, limits: TEST_LIMITS });
    await expect(host.evaluate('1')).rejects.toBeInstanceOf(SessionNotOpenError);
    await expect(host.call('no.such.method')).rejects.toBeInstanceOf(UnknownMethodError);
    await host.loadModule(HARNESS);
    await expect(host.call('fixture.fail')).rejects.toThrow(new SandboxMethodError('fixture.fail', 'RangeError', 'the harness failed'));
    await host.dispose();
    await expect(host.evaluate('1')).rejects.toBeInstanceOf(SandboxDisposedError);
  });

  it('measures how long a small evaluation takes on an open host (a figure, not an assertion)', async () => {
    const h = await start();
    await h.evaluate('let x = 1');
    const times: number[] = [];
    for (let i = 0; i < TIMED_EVALUATIONS; i++) {
      const started = performance.now();
      await h.evaluate('x = x + 1');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`[sandbox ${kind} host] median evaluation round trip: ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms over ${TIMED_EVALUATIONS}`);
  });
});

describe('src/sandbox/host/process-channel.ts', () => {
  let host: SandboxHost | undefined;
  afterEach(() => host?.dispose());

  it("keeps a snippet that escapes the vm away from the caller's files: reads are denied by the permission model", async () => {
    host = await startSandboxHost({ kind: 'process', limits: TEST_LIMITS });
    await host.call('session.open', { uri: OFFLINE_URI, dbName: 'files' });
    const result = await host.evaluate(
      "const p = this.constructor.constructor('return process')()\nlet read\ntry { p.binding('fs').readFileUtf8('/etc/passwd', 0); read = 'READ' } catch (e) { read = e.code }\n[read, p.permission.has('fs.read', '/etc/passwd'), p.permission.has('fs.write', p.cwd()), p.cwd().startsWith(" +
        JSON.stringify(tmpdir()) +
        ')].join(" ")',
    );
    expect(result.value).toBe("'ERR_ACCESS_DENIED false false true'");
  });
});
