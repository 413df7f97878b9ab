import { describe, expect, it } from 'vitest';
import { LessonFormatError } from '../../src/core/errors.js';
import { parseLessonMarkdown } from '../../src/lessons/parse-lesson-md.js';

const FILE = '/lessons/demo/lesson.md';

/** A valid two-step lesson.md; the table below breaks it one way at a time. Line numbers are noted on the right. */
const VALID = [
  '---', //                                  1
  'id: demo', //                             2
  'title: A demo', //                        3
  'summary: Shows the format.', //           4
  'database: shop', //                       5
  'collection: orders', //                   6
  'estimatedMinutes: 10', //                 7
  'formatVersion: 1', //                     8
  '---', //                                  9
  '', //                                     10
  '# A demo', //                             11
  '', //                                     12
  'Some introduction.', //                   13
  '', //                                     14
  '## Step first: The first step', //        15
  '', //                                     16
  'Do the first thing.', //                  17
  '', //                                     18
  '```js', //                                19
  '## Step not-a-heading: inside a fence', //20
  '```', //                                  21
  '', //                                     22
  '### Hints', //                            23
  '', //                                     24
  '1. A nudge.', //                          25
  '2. Nearly the answer,', //                26
  '   over two lines.', //                   27
  '', //                                     28
  '### Starter', //                          29
  '', //                                     30
  '```js', //                                31
  '// TODO: do the first thing', //          32
  'const x = null;', //                      33
  '```', //                                  34
  '', //                                     35
  '## Step second: The second step', //      36
  '', //                                     37
  'Do the second thing.', //                 38
  '', //                                     39
  '### Hints', //                            40
  '', //                                     41
  '1. Only hint.', //                        42
  '', //                                     43
  '### Starter', //                          44
  '', //                                     45
  '```js', //                                46
  '// TODO: the second thing', //            47
  '```', //                                  48
].join('\n');

/** VALID with one line replaced (1-based), or with lines removed when `text` is undefined. */
function edit(line: number, text: string | undefined, count = 1): string {
  const lines = VALID.split('\n');
  lines.splice(line - 1, count, ...(text === undefined ? [] : [text]));
  return lines.join('\n');
}

/** The messages of every problem found, as the CLI prints them (file:line: field: problem), and their hints. */
function problemsOf(text: string): { message: string; hint: string }[] {
  const outcome = parseLessonMarkdown(text, FILE);
  if (outcome.ok) throw new Error('expected problems, got a lesson');
  for (const problem of outcome.problems) expect(problem).toBeInstanceOf(LessonFormatError);
  return outcome.problems.map((p) => ({ message: p.message, hint: p.hint }));
}

describe('lessons/parse-lesson-md', () => {
  it('reads the front matter, the introduction and each step', () => {
    const outcome = parseLessonMarkdown(VALID, FILE);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { lesson } = outcome;
    expect(lesson).toMatchObject({
      id: 'demo',
      title: 'A demo',
      summary: 'Shows the format.',
      database: 'shop',
      collection: 'orders',
      estimatedMinutes: 10,
      formatVersion: 1,
      introduction: '# A demo\n\nSome introduction.',
    });
    expect(lesson.steps.map((s) => [s.id, s.title, s.line])).toEqual([
      ['first', 'The first step', 15],
      ['second', 'The second step', 36],
    ]);
    const [first] = lesson.steps;
    expect(first!.instructions).toBe('Do the first thing.\n\n```js\n## Step not-a-heading: inside a fence\n```');
    expect(first!.hints).toEqual(['A nudge.', 'Nearly the answer,\nover two lines.']);
    expect(first!.starter).toBe('// TODO: do the first thing\nconst x = null;\n');
  });

  it('accepts Windows line endings', () => {
    expect(parseLessonMarkdown(VALID.replace(/\n/g, '\r\n'), FILE).ok).toBe(true);
  });

  it.each([
    ['no front matter', VALID.slice(4), '/lessons/demo/lesson.md:1: front matter: lesson.md must start with a front-matter block'],
    ['front matter never closed', edit(9, 'more: text'), '/lessons/demo/lesson.md:1: front matter: the front-matter block is never closed'],
    ['a missing field', edit(4, undefined), '/lessons/demo/lesson.md:1: summary: missing from the front matter'],
    ['an unknown field', edit(4, 'sumary: Shows the format.'), '/lessons/demo/lesson.md:4: sumary: unknown field'],
    ['an id that is not kebab-case', edit(2, 'id: Demo Lesson'), '/lessons/demo/lesson.md:2: id: expected a kebab-case name (a-z, 0-9 and dashes), got "Demo Lesson"'],
    ['minutes that are not a number', edit(7, 'estimatedMinutes: ten'), '/lessons/demo/lesson.md:7: estimatedMinutes: expected a whole number of minutes from 1 to 600, got "ten"'],
    ['a system collection', edit(6, 'collection: system.users'), '/lessons/demo/lesson.md:6: collection: expected a collection name that starts with a letter or "_" and is not a system collection, got "system.users"'],
    ['a newer format', edit(8, 'formatVersion: 2'), '/lessons/demo/lesson.md:8: formatVersion: the lesson is written for format 2, and this resume-lab reads format 1'],
    ['an older format', edit(8, 'formatVersion: 0'), '/lessons/demo/lesson.md:8: formatVersion: format 0 is no longer read; this resume-lab reads format 1'],
    ['invalid YAML', edit(3, 'title: a: b'), '/lessons/demo/lesson.md:3: front matter: invalid YAML: Nested mappings are not allowed in compact mappings'],
    ['a duplicated key', edit(3, 'id: other'), '/lessons/demo/lesson.md:3: front matter: invalid YAML: Map keys must be unique'],
    ['a level-2 heading that is no step', edit(15, '## First step'), '/lessons/demo/lesson.md:15: steps: "## First step" is not a step heading'],
    ['a step id that is not kebab-case', edit(36, '## Step Second: The second step'), '/lessons/demo/lesson.md:36: step "Second": the step id is not kebab-case'],
    ['two steps with one id', edit(36, '## Step first: Again'), '/lessons/demo/lesson.md:36: step "first": the id is already used by the step at line 15'],
    ['a step without instructions', edit(38, ''), '/lessons/demo/lesson.md:36: step "second" instructions: the step has no instructions'],
    ['a step without hints', edit(40, undefined, 3), '/lessons/demo/lesson.md:36: step "second" hints: the step has no `### Hints` section'],
    ['an empty hints section', edit(42, ''), '/lessons/demo/lesson.md:40: step "second" hints: no hints'],
    ['prose before the first hint', edit(41, 'Some words.'), '/lessons/demo/lesson.md:41: step "second" hints: text before the first hint'],
    ['a second hints section', edit(43, '### Hints'), '/lessons/demo/lesson.md:43: step "second" hints: a second `### Hints` section'],
    ['a step without starter', edit(44, undefined, 5), '/lessons/demo/lesson.md:36: step "second" starter: the step has no `### Starter` section'],
    ['a starter without TODO', edit(47, 'const y = 1;'), '/lessons/demo/lesson.md:46: step "second" starter: the starter has no `// TODO` comment'],
    ['a starter that is not JavaScript', edit(46, '```ts'), '/lessons/demo/lesson.md:46: step "second" starter: the code block is marked "ts"'],
    ['prose next to the starter', edit(45, 'Start here:'), '/lessons/demo/lesson.md:45: step "second" starter: text outside the starter code block'],
    ['a starter without code block', edit(46, undefined, 3), '/lessons/demo/lesson.md:44: step "second" starter: no code block'],
    ['a heading after the starter', `${VALID}\n### Notes`, '/lessons/demo/lesson.md:49: step "second": unexpected heading "### Notes" after the hints or the starter'],
    ['no steps at all', VALID.split('\n').slice(0, 14).join('\n'), '/lessons/demo/lesson.md:14: steps: the lesson has no steps'],
  ])('reports %s with the file, line and field', (_name, text, message) => {
    expect(problemsOf(text).map((p) => p.message)).toContain(message);
  });

  it('suggests the field a misspelt name was meant to be', () => {
    expect(problemsOf(edit(4, 'sumary: Shows the format.'))).toEqual([
      { message: '/lessons/demo/lesson.md:1: summary: missing from the front matter', hint: 'add the line `summary: Resume a change stream without losing an event.`' },
      { message: '/lessons/demo/lesson.md:4: sumary: unknown field', hint: 'did you mean `summary`? rename it' },
    ]);
  });

  it('gives every problem a one-line fix', () => {
    const problems = problemsOf(edit(7, 'estimatedMinutes: ten').replace('## Step second', '## Sec'));
    expect(problems.map((p) => p.message)).toEqual([
      '/lessons/demo/lesson.md:7: estimatedMinutes: expected a whole number of minutes from 1 to 600, got "ten"',
      '/lessons/demo/lesson.md:36: steps: "## Sec: The second step" is not a step heading',
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      'write it like `estimatedMinutes: 20`',
      'write step headings as `## Step <id>: <title>`, and use ### or deeper for headings inside a step',
    ]);
  });
});
