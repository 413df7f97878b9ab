import { parse, type Node, type Pattern, type Program, type Statement } from 'acorn';
import { SnippetSyntaxError } from './errors.js';
import { EditedSource, type LineColumn, type SourceEdit } from './source-edits.js';

/**
 * The implicit-await rewrite, mongosh style but simpler (docs/sandbox.md, "Implicit await").
 *
 * The snippet becomes the body of an async arrow function that the session runs in the learner's vm context:
 * - top-level `let`/`const`/`var` become assignments to context properties, so they persist into the next
 *   evaluation and running the same step twice does not fail with "already declared";
 * - top-level function declarations stay where they are (hoisting keeps working) and are also copied onto the
 *   context before the first statement runs; top-level classes become assignments to a context property;
 * - outside functions, every call, every expression statement, the right-hand side of every assignment statement
 *   and every declaration initializer is awaited when its value is a Promise (or any thenable), so
 *   `db.orders.insertOne(...)` completes before the next statement and `print(db.orders.countDocuments())` prints
 *   a number. Other values are not awaited: `await` always yields, and whatever runs after a yield is outside the
 *   vm's synchronous timeout, so `print('x'); while (true) {}` must stay one synchronous run;
 * - the last top-level statement, when it is an expression statement, is returned: that is how the shell echoes
 *   its value.
 *
 * A call followed by `.then(...)`, `.catch(...)` or `.finally(...)` keeps its Promise, since chaining is how a
 * learner says they want one. Function bodies (and classes, and optional chains `a?.b()`) are left alone: an
 * inner `await` must be written by the learner, because adding one would make a synchronous function return a
 * Promise and change what its callers (the driver calling a listener, `map`) receive.
 */

/** A snippet ready to run in the learner's context. */
export interface RewrittenSnippet {
  /** A script whose completion value is the Promise of the snippet's last expression value. */
  readonly code: string;
  /** Top-level names the snippet declares; they become context bindings. */
  readonly declared: readonly string[];
  /** Maps a 1-based position in `code` to the learner's snippet. */
  toSnippet(position: LineColumn): LineColumn | undefined;
}

/** Options of rewriteSnippet. */
export interface RewriteOptions {
  /** Names a snippet may not declare at top level (the shell globals: `db`, `print`...). */
  reserved?: ReadonlySet<string>;
}

/** Latest syntax that Node 20's V8 runs: `using` declarations (ES2026 in acorn) do not exist there yet. */
const ECMA_VERSION = 2024;

/** The wrapper's locals: a temporary for conditional awaits and the thenable test (mongosh's `_ex`/`_isp`). */
const VALUE = '__rl_value';
const THENABLE = '__rl_thenable';
const LOCALS = `let ${VALUE}; const ${THENABLE} = (v) => v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';`;

/** Initializers that cannot produce a Promise; leaving them unawaited keeps `const f = () => {}` named `f`. */
const NEVER_PROMISE = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression', 'Literal']);

/** Parses and rewrites a snippet; throws SnippetSyntaxError with the learner's line and column. */
export function rewriteSnippet(source: string, options: RewriteOptions = {}): RewrittenSnippet {
  const program = parseSnippet(source);
  const declared: string[] = [];
  const hoisted: string[] = [];
  // The wrapper's head comes first among the edits at offset 0; its text is filled in once hoisting is known.
  const head: SourceEdit = { start: 0, end: 0, text: '' };
  const edits: SourceEdit[] = [head];
  const declare = (name: string, node: Node) => {
    if (options.reserved?.has(name)) {
      throw new SnippetSyntaxError(
        `\`${name}\` is provided by the shell and cannot be declared again`,
        positionAt(source, node.start),
        `use the shell's \`${name}\` as it is, or pick another name for your variable`,
      );
    }
    if (!declared.includes(name)) declared.push(name);
  };

  // The echoed statement: the last one, not counting function declarations and empty statements after it,
  // which add nothing to a script's completion value (`f(2)` above `function f() {}` still echoes).
  const last = program.body.findLast((statement) => statement.type !== 'FunctionDeclaration' && statement.type !== 'EmptyStatement');
  for (const statement of program.body) {
    switch (statement.type) {
      case 'VariableDeclaration': {
        for (const name of statement.declarations.flatMap((d) => patternNames(d.id))) declare(name, statement);
        const end = statement.declarations.at(-1)!.end;
        edits.push({ start: statement.start, end: statement.start + statement.kind.length, text: ';(' });
        for (const declarator of statement.declarations) {
          if (declarator.init) visitExpression(edits, declarator.init, true);
          else if (statement.kind !== 'var') edits.push({ start: declarator.end, end: declarator.end, text: ' = undefined' });
        }
        edits.push({ start: end, end, text: ')' });
        break;
      }
      case 'FunctionDeclaration':
        declare(statement.id.name, statement);
        hoisted.push(statement.id.name);
        break;
      case 'ClassDeclaration':
        declare(statement.id.name, statement);
        edits.push({ start: statement.start, end: statement.start, text: `;${statement.id.name} = ` });
        edits.push({ start: statement.end, end: statement.end, text: ';' });
        break;
      default:
        // A script has no import or export declarations: acorn rejected those already.
        visitStatement(edits, statement as Statement, statement === last ? 'last' : 'list');
    }
  }

  // The head stays on the snippet's first line so line numbers hold; the tail needs its own line in case the
  // snippet ends in a `//` comment.
  head.text = `(async () => {${LOCALS}${hoisted.map((name) => `this.${name} = ${name};`).join('')}`;
  edits.push({ start: source.length, end: source.length, text: '\n})()' });
  const edited = new EditedSource(source, edits);
  return { code: edited.code, declared, toSnippet: (position) => edited.toOriginal(position) };
}

/** Parses with acorn, turning its errors into SnippetSyntaxError at the learner's position. */
function parseSnippet(source: string): Program {
  try {
    return parse(source, { ecmaVersion: ECMA_VERSION, sourceType: 'script', allowAwaitOutsideFunction: true, locations: true });
  } catch (error) {
    const { message, pos } = error as { message: string; pos?: number };
    const offset = pos ?? 0;
    const text = message.replace(/ \(\d+:\d+\)$/, '');
    // acorn blames the token after a misplaced `await`; V8's wording and position are what learners search for.
    const awaitAt = source.slice(0, offset).search(/\bawait\s*$/);
    if (text.startsWith('Unexpected token') && awaitAt >= 0) {
      throw new SnippetSyntaxError('await is only valid in async functions and the top level bodies of modules', positionAt(source, awaitAt));
    }
    throw new SnippetSyntaxError(text, positionAt(source, offset));
  }
}

/**
 * Where a statement sits: in a statement list (program, block, switch case), as the body of an `if` or a loop,
 * or as the snippet's last top-level statement, whose value the shell echoes.
 */
type Place = 'list' | 'body' | 'last';

/** Adds awaits to one statement outside any function, and descends into its blocks. */
function visitStatement(edits: SourceEdit[], statement: Statement, place: Place): void {
  switch (statement.type) {
    case 'ExpressionStatement': {
      const expression = statement.expression;
      // A statement that now starts with `(` would continue the previous line when that has no semicolon: in a
      // list, a `;` in front prevents it (as the body of an `if` or a loop it would end the body instead, and
      // there is no previous line to continue).
      if (place === 'last') edits.push({ start: statement.start, end: statement.start, text: 'return ' });
      else if (place === 'list') edits.push({ start: statement.start, end: statement.start, text: ';' });
      if (expression.type === 'AssignmentExpression') {
        visitExpression(edits, expression.left, false);
        visitExpression(edits, expression.right, true);
      } else visitExpression(edits, expression, true);
      return;
    }
    case 'VariableDeclaration':
      for (const declarator of statement.declarations) if (declarator.init) visitExpression(edits, declarator.init, true);
      return;
    case 'BlockStatement':
      for (const inner of statement.body) visitStatement(edits, inner, 'list');
      return;
    case 'SwitchStatement':
      visitExpression(edits, statement.discriminant, false);
      for (const clause of statement.cases) {
        if (clause.test) visitExpression(edits, clause.test, false);
        for (const inner of clause.consequent) visitStatement(edits, inner, 'list');
      }
      return;
    case 'TryStatement':
      visitStatement(edits, statement.block, 'body');
      if (statement.handler) visitStatement(edits, statement.handler.body, 'body');
      if (statement.finalizer) visitStatement(edits, statement.finalizer, 'body');
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'EmptyStatement':
    case 'DebuggerStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return;
    default:
      // if, loops, throw, labels, with: their expressions, and their statements as bodies.
      for (const child of children(statement)) {
        if (isStatement(child)) visitStatement(edits, child, 'body');
        else visitExpression(edits, child, false);
      }
  }
}

/**
 * Makes every call in an expression await its value when that is a thenable, and the expression itself when
 * `awaitSelf` is set; does not enter functions, classes or optional chains. A call followed by `.then`, `.catch`
 * or `.finally` keeps its Promise: the learner chains it on purpose. Edits are pushed outside-in at the start and
 * inside-out at the end, which keeps nested wrappers properly nested.
 */
function visitExpression(edits: SourceEdit[], node: Node, awaitSelf: boolean, keepPromise = false): void {
  if (NEVER_PROMISE.has(node.type)) return;
  // Awaiting inside `a?.b().c` would turn its short-circuit `undefined` into a TypeError: the chain is one unit.
  const descend = node.type !== 'ChainExpression';
  const isCall = node.type === 'CallExpression' || (node.type === 'ChainExpression' && containsCall(node));
  const wrap = awaitSelf || (isCall && !keepPromise);
  if (wrap) edits.push({ start: node.start, end: node.start, text: `(${VALUE} = (` });
  if (descend) {
    const chained = isPromiseChain(node) ? (node as unknown as { object: Node }).object : undefined;
    for (const child of children(node)) visitExpression(edits, child, false, child === chained);
  }
  if (wrap) edits.push({ start: node.end, end: node.end, text: `), ${THENABLE}(${VALUE}) ? await ${VALUE} : ${VALUE})` });
}

/** Whether a node is `<something>.then`, `.catch` or `.finally`. */
function isPromiseChain(node: Node): boolean {
  const member = node as { type: string; computed?: boolean; property?: { type: string; name?: string } };
  return member.type === 'MemberExpression' && !member.computed && ['then', 'catch', 'finally'].includes(member.property?.name ?? '');
}

/** Whether a chain such as `cs?.close()` ends in a call. */
function containsCall(node: Node): boolean {
  return (node as { expression?: Node }).expression?.type === 'CallExpression';
}

/** Child nodes of a node, in source order (acorn keeps properties in source order). */
function children(node: Node): Node[] {
  const found: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object' && typeof (item as Node).type === 'string') found.push(item as Node);
    }
  }
  return found;
}

/** Whether a node is a statement (a loop's `let` head included). */
function isStatement(node: Node): node is Statement {
  return /Statement$|Declaration$/.test(node.type);
}

/** The names a declaration pattern binds (`{a, b: [c, ...d]}` binds a, c, d). */
function patternNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => (p.type === 'RestElement' ? patternNames(p.argument) : patternNames(p.value)));
    case 'ArrayPattern':
      return pattern.elements.flatMap((e) => (e ? patternNames(e) : []));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

/** The 1-based line and column of an offset in the snippet. */
function positionAt(source: string, offset: number): LineColumn {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
