import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const URI_LINE = /^mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/;

/** The CLI as a real process, run from source through tsx, with the user's own resume-lab settings cleared. */
function spawnCli(args: readonly string[]): ChildProcess & { stderrText(): string } {
  const env = { ...process.env, RESUME_LAB_DEBUG: '', RESUME_LAB_NO_COLOR: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return Object.assign(child, { stderrText: () => stderr });
}

/** Runs the CLI to its end. */
async function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr: child.stderrText() };
}

/** The first line of stdout as soon as it arrives; rejects if the process ends first. */
function firstLine(child: ChildProcess & { stderrText(): string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      child.off('close', onClose);
      resolve(line);
    });
    const onClose = (code: number | null) =>
      reject(new Error(`resume-lab exited with ${code} before printing a line; stderr:\n${child.stderrText()}`));
    child.once('close', onClose);
  });
}

describe('cli/main', () => {
  it('prints the package version', async () => {
    for (const args of [['--version'], ['db', '--version']]) {
      expect(await runCli(...args)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('lists the commands that exist and the common options', async () => {
    const { code, stdout, stderr } = await runCli('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^ {2}db \[--port N\] \[--oplog-size N\] +run the embedded replica set/m);
    for (const command of ['learn', 'lessons', 'grade', 'lesson check', 'export']) expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    for (const option of ['--help', '--version', '--debug', '--no-color']) expect(stdout).toContain(option);
  });

  it("prints a command's own help", async () => {
    const { code, stdout } = await runCli('db', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: resume-lab db \[--port N\] \[--oplog-size N\]$/m);
    expect(stdout).toMatch(/^ {2}--port N +TCP port/m);
    expect(stdout).toMatch(/^ {2}--oplog-size N +oplog capacity in events \(default 1000000\)$/m);
  });

  it.each([
    [['lern'], 'resume-lab: unknown command "lern"', 'hint: run `resume-lab --help` for the list of commands'],
    [['--bogus'], 'resume-lab: unknown option --bogus', 'hint: run `resume-lab --help` for the options'],
    [['db', '--prot', '1'], 'resume-lab: unknown option --prot for "db"', 'hint: run `resume-lab db --help` for the options'],
    [
      ['db', '--port', 'abc'],
      'resume-lab: invalid value "abc" for --port: expected a port number from 0 to 65535',
      'hint: set --port to a port number from 0 to 65535',
    ],
    [['db', '--port'], 'resume-lab: --port needs a value', expect.stringMatching(/^hint: write --port <value>/)],
    [
      ['db', '--oplog-size', '0'],
      'resume-lab: invalid value "0" for --oplog-size: expected a positive whole number of events',
      'hint: set --oplog-size to a positive whole number of events',
    ],
    [['db', 'extra'], 'resume-lab: unexpected argument "extra" for "db"', 'hint: run `resume-lab db --help` for the usage'],
  ])('exits with 2 on usage error %j, in two lines and no stack', async (args, message, hint) => {
    const { code, stdout, stderr } = await runCli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([message, hint, '']);
  });

  it('adds the stack trace with --debug', async () => {
    const { code, stderr } = await runCli('db', '--port', 'abc', '--debug');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^InvalidOptionValueError: invalid value "abc" for --port/m);
    expect(stderr).toMatch(/^ {4}at /m);
  });

  describe('db', () => {
    it('prints the URI first, serves the driver, and stops with exit code 0 on SIGTERM', async () => {
      const child = spawnCli(['db']);
      try {
        const uri = await firstLine(child);
        expect(uri).toMatch(URI_LINE);
        const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
        try {
          const orders = client.db('cli_test').collection('orders');
          await orders.insertOne({ _id: 1, item: 'tea' } as never);
          expect(await orders.findOne({ _id: 1 } as never)).toEqual({ _id: 1, item: 'tea' });
        } finally {
          await client.close();
        }
        expect(child.stderrText()).toMatch(/Ctrl\+C/);
      } finally {
        child.kill('SIGTERM');
      }
      const [code, signal] = await once(child, 'close');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    });

    it('stops with exit code 0 on SIGINT', async () => {
      const child = spawnCli(['db', '--port', '0', '--oplog-size', '100']);
      expect(await firstLine(child)).toMatch(URI_LINE);
      child.kill('SIGINT');
      const [code] = await once(child, 'close');
      expect(code).toBe(0);
    });

    it('exits with 3 and a clear message when the port is taken', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as net.AddressInfo;
      try {
        const { code, stdout, stderr } = await runCli('db', '--port', String(port));
        expect(code).toBe(3);
        expect(stdout).toBe('');
        expect(stderr.split('\n')).toEqual([
          `resume-lab: the embedded target could not start: port ${port} on 127.0.0.1 is already in use`,
          'hint: pick another --port, or --port 0 for a free one',
          '',
        ]);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });
  });
});
