import { afterEach, describe, expect, it } from 'vitest';
import { rewriteSnippet } from '../../src/sandbox/rewrite.js';
import type { SandboxSession } from '../../src/sandbox/session.js';
import { evaluateAll, offlineSession } from './support.js';

/** What a row expects of its last snippet: the echoed value, or the error's kind, line and column. */
type Expected = { value?: string } | { error: { kind: string; line: number; column: number } };

/** [what the row shows, the snippets evaluated in order in one session, what the last one gives]. */
const ROWS: [string, string[], Expected][] = [
  ['a top-level let is visible in the next evaluation', ['let x = 1', 'x + 1'], { value: '2' }],
  ['declaring the same let twice (re-running a step) works', ['let x = 1', 'let x = 2', 'x'], { value: '2' }],
  ['a const can be declared again by a later evaluation', ['const c = 1', 'const c = 2; c'], { value: '2' }],
  ['`var v;` keeps the value, as re-running a var declaration does', ['var v = 5', 'var v; v'], { value: '5' }],
  ['`let r;` resets to undefined, as running the step afresh would', ['let r = 5', 'let r; r'], {}],
  ['destructuring declarations persist every bound name', ['const { a, b: [c, ...rest] } = { a: 1, b: [2, 3, 4] }', 'a + c + rest.length'], { value: '5' }],
  ['a function can be called before its declaration (hoisting)', ['f(2)\nfunction f(n) { return n * 3 }'], { value: '6' }],
  ['a function persists', ['function f(n) { return n * 3 }', 'f(3)'], { value: '9' }],
  ['a class persists', ['class A { m() { return 7 } }', 'new A().m()'], { value: '7' }],
  ['an expression statement is awaited before the next one runs', ["let order = []\nsleep(5).then(() => order.push('a'))\norder.push('b')\norder"], { value: "[ 'a', 'b' ]" }],
  ['a declaration initializer is awaited', ['let v = sleep(1).then(() => 42)', 'v'], { value: '42' }],
  ['the right-hand side of an assignment statement is awaited', ['let w', 'w = sleep(1).then(() => 5)', 'w'], { value: '5' }],
  ['an explicit await works as well', ['let e = await sleep(1).then(() => 1); e'], { value: '1' }],
  ['statements in top-level blocks are awaited too', ['let seen = []\nfor (let i = 0; i < 3; i++) { sleep(3 - i).then(() => seen.push(i)) }\nseen'], { value: '[ 0, 1, 2 ]' }],
  ['a call inside an expression is awaited: its value is used, not a Promise', ['const wait = (v) => sleep(1).then(() => v)', "print(wait(2) + wait(3));\n[wait('a')].concat(wait('b')).length"], { value: '2' }],
  ['a call followed by .then keeps its Promise', ["let got\nsleep(1).then(() => { got = 'then ran' })\ngot"], { value: "'then ran'" }],
  ['conditions and loop heads are awaited too', ['const wait = (v) => sleep(1).then(() => v)', "let hits = 0\nfor (let i = 0; i < wait(3); i++) if (wait(i % 2 === 0)) hits++\nhits"], { value: '2' }],
  ['an optional chain is awaited as a whole and still short-circuits', ['const nothing = null', 'nothing?.close().then(() => 1)'], {}],
  ['function bodies are not rewritten: a Promise stays a Promise there', ['const h = () => { const p = sleep(1); return typeof p.then }', 'h()'], { value: "'function'" }],
  ['a declaration echoes nothing', ['let z = 1'], {}],
  ['a snippet ending in a // comment works', ['let k = 1 // done', 'k'], { value: '1' }],
  ['statements without semicolons keep their meaning', ["print('a')\nlet q = 1\nq"], { value: '1' }],
  ['expression statements without semicolons stay separate statements', ["let log = []\nlog.push('a')\nlog.push('b')\nlog"], { value: "[ 'a', 'b' ]" }],
  ['a call on the left of an assignment does not join the previous line', ["const box = { v: 0 }\nconst get = () => box\nprint('x')\nget().v = 3\nbox.v"], { value: '3' }],
  ['statements in switch cases and try blocks are awaited', ["let r = []\nswitch (1) { case 1: sleep(1).then(() => r.push('case')); r.push('after case') }\ntry { sleep(1).then(() => r.push('try')) } finally { r.push('finally') }\nr"], { value: "[ 'case', 'after case', 'try', 'finally' ]" }],
  ['the only statement of an if or a loop is awaited in place', ['let n = 0\nif (n === 0) sleep(1).then(() => n++)\nn'], { value: '1' }],
  ['await inside a plain function is a syntax error at the await', ['function g() {\n  await sleep(1)\n}'], { error: { kind: 'syntax', line: 2, column: 3 } }],
  ['a shell global cannot be declared', ['let x = 1;\nconst db = 2'], { error: { kind: 'syntax', line: 2, column: 1 } }],
  ['a parse error points at the learner position', ['let ok = 1\nlet y = ;'], { error: { kind: 'syntax', line: 2, column: 9 } }],
  ['runtime error columns are mapped back past the inserted text', ['let a = 1; let b = a.x.y'], { error: { kind: 'runtime', line: 1, column: 24 } }],
];

describe('src/sandbox/rewrite.ts', () => {
  let session: SandboxSession | undefined;
  afterEach(() => session?.close());

  it.each(ROWS)('%s', async (_what, snippets, expected) => {
    session = offlineSession();
    const result = await evaluateAll(session, snippets);
    if ('error' in expected) {
      expect(result.error).toMatchObject({ kind: expected.error.kind, position: { line: expected.error.line, column: expected.error.column } });
    } else {
      expect(result.error).toBeUndefined();
      expect(result.value).toBe(expected.value);
    }
  });

  it('adds no line breaks before the end, so learner line numbers hold', () => {
    const source = 'let a = 1\nconst { b } = { b: 2 }\nclass C {}\nfunction f() {}\nprint(a)';
    const { code } = rewriteSnippet(source);
    expect(code.split('\n')).toHaveLength(source.split('\n').length + 1);
  });

  it('lists the top-level names a snippet declares', () => {
    expect(rewriteSnippet('let a; const { b, c: [d] } = x; function f() {}; class K {}; if (1) { let inner = 1 }').declared).toEqual(['a', 'b', 'd', 'f', 'K']);
  });
});
