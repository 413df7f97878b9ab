import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../src/sandbox/output.js';
import type { SandboxSession } from '../../src/sandbox/session.js';
import { offlineSession, TEST_LIMITS, texts } from './support.js';

/** Resolves when the session prints its next line (a callback ran), so tests wait on output instead of sleeping. */
function nextLine(session: SandboxSession): Promise<void> {
  return new Promise((resolve) => {
    const stop = session.onOutput(() => {
      stop();
      resolve();
    });
  });
}

describe('src/sandbox/session.ts', () => {
  let session: SandboxSession | undefined;
  afterEach(() => session?.close());

  describe('output', () => {
    it('captures print, printjson and console.* in the order they ran, each line on its stream', async () => {
      session = offlineSession();
      const result = await session.evaluate(
        "print('one', 2)\nconsole.error('two')\nprintjson({ _id: ObjectId('5f1d7f2b8c9d4b3a2e1f0a9b'), at: ISODate('2024-01-02T03:04:05Z'), n: NumberLong(5) })\nconsole.log('three')",
      );
      expect(result.output).toEqual([
        { stream: 'out', text: 'one 2' },
        { stream: 'err', text: 'two' },
        { stream: 'out', text: '{' },
        { stream: 'out', text: "  _id: ObjectId('5f1d7f2b8c9d4b3a2e1f0a9b')," },
        { stream: 'out', text: "  at: ISODate('2024-01-02T03:04:05.000Z')," },
        { stream: 'out', text: "  n: Long('5')" },
        { stream: 'out', text: '}' },
        { stream: 'out', text: 'three' },
      ]);
    });

    it('keeps at most maxOutputLines lines and says it cut the rest', async () => {
      session = offlineSession({ limits: { ...TEST_LIMITS, maxOutputLines: 5 } });
      const result = await session.evaluate('for (let i = 0; i < 10; i++) print(i)');
      expect(texts(result)).toEqual(['0', '1', '2', '3', '4']);
      expect(result.outputTruncated).toBe(true);
      const next = await session.evaluate("print('fresh')");
      expect(next).toMatchObject({ output: [{ text: 'fresh' }], outputTruncated: false });
    });

    it(`cuts a line after ${MAX_LINE_CHARS} characters`, async () => {
      session = offlineSession();
      const [line] = (await session.evaluate(`print('x'.repeat(${MAX_LINE_CHARS + 5}))`)).output;
      expect(line!.text).toBe(`${'x'.repeat(MAX_LINE_CHARS)} …`);
    });

    it('reports output of callbacks that ran between evaluations with the next result, before its own', async () => {
      session = offlineSession();
      await session.evaluate("setTimeout(() => print('between'), 0)");
      await nextLine(session);
      const result = await session.evaluate("print('own')");
      expect(texts(result)).toEqual(['between', 'own']);
    });

    it('hands output of callbacks to drainOutput() when asked before the next evaluation', async () => {
      session = offlineSession();
      await session.evaluate("setTimeout(() => print('later'), 0)");
      await nextLine(session);
      expect(session.drainOutput()).toEqual({ output: [{ stream: 'out', text: 'later' }], outputTruncated: false, errors: [] });
      expect((await session.evaluate('1')).output).toEqual([]);
    });
  });

  describe('errors', () => {
    it('reports a syntax error at its line and column with an explanation', async () => {
      session = offlineSession();
      const result = await session.evaluate('let a = 1\nlet b = (a +;\n');
      expect(result.ok).toBe(false);
      expect(result.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', position: { line: 2, column: 13 } });
      expect(result.error?.explanation).toMatch(/bracket/);
    });

    it('reports a runtime error at its line and column in the snippet', async () => {
      session = offlineSession();
      const result = await session.evaluate('let order = { total: 5 }\n\n  const tax = order.customer.name');
      expect(result.error).toMatchObject({ kind: 'runtime', name: 'TypeError', position: { line: 3, column: 30 } });
      expect(result.error?.explanation).toMatch(/before `\.name` is undefined/);
    });

    it('explains an undefined name with the explanation the lesson supplied', async () => {
      session = offlineSession({ explanations: { resumeToken: 'declare it in step 2 with `let resumeToken = null`' } });
      const result = await session.evaluate('print(resumeToken)');
      expect(result.error).toEqual({
        kind: 'runtime',
        name: 'ReferenceError',
        message: 'resumeToken is not defined',
        position: { line: 1, column: 7 },
        explanation: 'declare it in step 2 with `let resumeToken = null`',
      });
    });

    it('explains an undefined name generically when the lesson has nothing for it', async () => {
      session = offlineSession({ explanations: { resumeToken: 'x' } });
      const result = await session.evaluate('changeStrem.close()');
      expect(result.error?.explanation).toMatch(/`changeStrem` does not exist yet: check the spelling/);
    });

    it('has no require, process or import, and says so', async () => {
      session = offlineSession();
      const required = await session.evaluate("const fs = require('fs')");
      expect(required.error).toMatchObject({ name: 'ReferenceError', message: 'require is not defined' });
      expect(required.error?.explanation).toMatch(/there is no `require` here/);
      const exited = await session.evaluate('process.exit(1)');
      expect(exited.error).toMatchObject({ name: 'ReferenceError', message: 'process is not defined' });
      expect(exited.error?.explanation).toMatch(/no `process.exit`/);
      const imported = await session.evaluate("import fs from 'fs'");
      expect(imported.error).toMatchObject({ kind: 'syntax', explanation: expect.stringMatching(/there are no imports here/) });
      const dynamic = await session.evaluate("await import('fs')");
      expect(dynamic.error).toMatchObject({ kind: 'runtime', explanation: expect.stringMatching(/there are no imports here/) });
    });

    it('reports an error thrown by a callback later, at the callback position in the snippet that defined it', async () => {
      session = offlineSession();
      await session.evaluate("setTimeout(() => {\n  print('about to throw')\n  throw new Error('boom')\n}, 0)");
      await nextLine(session);
      const result = await session.evaluate('1');
      expect(result.error).toMatchObject({ kind: 'runtime', message: 'boom (in a setTimeout callback)', position: { line: 3, column: 9, evaluation: 1 } });
      expect(result.evaluation).toBe(2);
    });
  });

  describe('limits', () => {
    it('stops a synchronous endless loop with a timeout error, and the session goes on', async () => {
      session = offlineSession();
      await session.evaluate('let before = 1');
      const result = await session.evaluate("print('start')\nwhile (true) {}");
      expect(result.error).toMatchObject({ kind: 'timeout', message: `your code ran for more than ${TEST_LIMITS.syncTimeoutMs} ms without finishing` });
      expect(result.error?.explanation).toMatch(/loop that never ends/);
      expect(texts(result)).toEqual(['start']);
      expect((await session.evaluate('before + 1')).value).toBe('2');
    });

    it('gives up on awaited work after the async deadline', async () => {
      session = offlineSession({ limits: { ...TEST_LIMITS, asyncDeadlineMs: 50 } });
      const result = await session.evaluate('await new Promise(() => {})');
      expect(result.error).toMatchObject({ kind: 'timeout', message: 'your code was still waiting after 50 ms' });
    });
  });

  it('lists only the learner bindings, with their values', async () => {
    session = offlineSession();
    await session.evaluate('let resumeToken = null\nconst changeStream = { fake: true }\nfunction handler() {}\nimplicit = 3');
    const bindings = session.bindings();
    expect(Object.keys(bindings).sort()).toEqual(['changeStream', 'handler', 'implicit', 'resumeToken']);
    expect(bindings).toMatchObject({ resumeToken: null, changeStream: { fake: true }, implicit: 3 });
  });

  it('keeps the shell globals from being overwritten by assignment', async () => {
    session = offlineSession();
    const result = await session.evaluate('print = 1; db = 2; typeof print + " " + db.getName()');
    expect(result.value).toBe("'function offline'");
  });
});
