import { LessonFormatError } from '../core/errors.js';
import { parseFrontMatter } from './front-matter.js';
import type { Lesson, LessonStep } from './schema.js';

/** What lesson.md holds: the lesson without its file paths. */
export type LessonContent = Omit<Lesson, 'files'>;

/** The outcome of parsing lesson.md: the content when it is valid, else every problem found, in file order. */
export type ParseOutcome =
  | { readonly ok: true; readonly lesson: LessonContent }
  | { readonly ok: false; readonly problems: readonly LessonFormatError[] };

/** A step heading: `## Step <id>: <title>`. */
const STEP_HEADING = /^## +Step +(\S+?):\s*(.*)$/;
/** The marker every starter carries where the learner must write code (STYLE rule 14). */
const TODO = /\/\/\s*TODO\b/;
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One line of the Markdown body with its 1-based line number in lesson.md and its place in code fences. */
interface BodyLine {
  readonly text: string;
  readonly line: number;
  /** Inside a code block, or one of its fence lines. */
  readonly fenced: boolean;
  /** Set on the fence lines themselves. */
  readonly fence?: 'open' | 'close';
}

/**
 * Parses lesson.md: YAML front matter between `---` lines, an introduction, then one `## Step <id>: <title>`
 * section per step with its instructions, a `### Hints` ordered list and a `### Starter` code block. `file` is only
 * used in messages. Every problem is collected, so an author fixes them in one pass.
 */
export function parseLessonMarkdown(text: string, file: string): ParseOutcome {
  const problems: LessonFormatError[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    problems.push(new LessonFormatError(file, 1, 'front matter', 'lesson.md must start with a front-matter block', 'make the first line `---`, then the fields, then another `---` line'));
    return { ok: false, problems };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close < 0) {
    problems.push(new LessonFormatError(file, 1, 'front matter', 'the front-matter block is never closed', 'end the fields with a line that holds only `---`'));
    return { ok: false, problems };
  }
  const front = parseFrontMatter(lines.slice(1, close).join('\n'), 2, file, problems);
  const body = markFences(lines.slice(close + 1), close + 2);
  const firstStep = body.findIndex((l) => !l.fenced && l.text.startsWith('## '));
  const introLines = firstStep < 0 ? body : body.slice(0, firstStep);
  const steps = firstStep < 0 ? [] : splitSteps(body.slice(firstStep), file, problems);
  if (steps.length === 0 && firstStep < 0) {
    problems.push(new LessonFormatError(file, lines.length, 'steps', 'the lesson has no steps', 'add a section `## Step <id>: <title>` for each step'));
  }
  if (front === undefined || problems.length > 0) return { ok: false, problems: sortByLine(problems) };
  return { ok: true, lesson: { ...front, introduction: joinText(introLines), steps } };
}

/** Flags the lines inside (and delimiting) ``` or ~~~ fences, where headings are code, not structure. */
function markFences(lines: readonly string[], firstLine: number): BodyLine[] {
  let fence: string | undefined;
  return lines.map((text, i) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    const delimits = opener !== undefined && (fence === undefined || (opener[0] === fence[0] && opener.length >= fence.length && text.trim() === opener));
    if (!delimits) return { text, line: firstLine + i, fenced: fence !== undefined };
    const role = fence === undefined ? 'open' : 'close';
    fence = fence === undefined ? opener : undefined;
    return { text, line: firstLine + i, fenced: true, fence: role };
  });
}

/** Cuts the body at each level-2 heading and parses each part as a step. */
function splitSteps(body: readonly BodyLine[], file: string, problems: LessonFormatError[]): LessonStep[] {
  const starts = body.flatMap((l, i) => (!l.fenced && l.text.startsWith('## ') ? [i] : []));
  const steps: LessonStep[] = [];
  starts.forEach((start, n) => {
    const heading = body[start]!;
    const match = STEP_HEADING.exec(heading.text.trim());
    if (match === null) {
      problems.push(new LessonFormatError(file, heading.line, 'steps', `"${heading.text.trim()}" is not a step heading`, 'write step headings as `## Step <id>: <title>`, and use ### or deeper for headings inside a step'));
      return;
    }
    const [, id = '', title = ''] = match;
    const step = parseStep(id, title.trim(), heading.line, body.slice(start + 1, starts[n + 1] ?? body.length), file, problems);
    if (step === undefined) return;
    const twin = steps.find((s) => s.id === id);
    if (twin !== undefined) {
      problems.push(new LessonFormatError(file, heading.line, `step "${id}"`, `the id is already used by the step at line ${twin.line}`, 'give every step its own id'));
      return;
    }
    steps.push(step);
  });
  return steps;
}

/** The parts of a step section, cut at its `### Hints` and `### Starter` headings. */
interface StepParts {
  instructions: BodyLine[];
  hints?: { heading: number; lines: BodyLine[] };
  starter?: { heading: number; lines: BodyLine[] };
}

/** Validates one step section; pushes its problems and returns undefined when it has any. */
function parseStep(id: string, title: string, line: number, lines: readonly BodyLine[], file: string, problems: LessonFormatError[]): LessonStep | undefined {
  const field = `step "${id}"`;
  const before = problems.length;
  if (!STEP_ID.test(id)) problems.push(new LessonFormatError(file, line, field, 'the step id is not kebab-case', 'use a-z, 0-9 and dashes, e.g. `## Step open-stream: Open a change stream`'));
  if (title === '') problems.push(new LessonFormatError(file, line, field, 'the step has no title', `write \`## Step ${id}: <title>\``));
  const parts = cutParts(lines, field, file, problems);
  const instructions = joinText(parts.instructions);
  if (instructions === '') problems.push(new LessonFormatError(file, line, `${field} instructions`, 'the step has no instructions', 'write what the learner must do between the step heading and `### Hints`'));
  const hints = parts.hints === undefined ? undefined : parseHints(parts.hints.lines, parts.hints.heading, `${field} hints`, file, problems);
  if (parts.hints === undefined) problems.push(new LessonFormatError(file, line, `${field} hints`, 'the step has no `### Hints` section', 'add `### Hints` with a numbered list, from a gentle nudge to nearly the answer'));
  const starter = parts.starter === undefined ? undefined : parseStarter(parts.starter.lines, parts.starter.heading, `${field} starter`, file, problems);
  if (parts.starter === undefined) problems.push(new LessonFormatError(file, line, `${field} starter`, 'the step has no `### Starter` section', 'add `### Starter` with one ```js code block that contains a `// TODO`'));
  if (problems.length > before || hints === undefined || starter === undefined) return undefined;
  return { id, title, instructions, hints, starter, line };
}

/** Splits a step's lines into instructions, hints and starter; any other `###` heading after those is an error. */
function cutParts(lines: readonly BodyLine[], field: string, file: string, problems: LessonFormatError[]): StepParts {
  const parts: StepParts = { instructions: [] };
  let current: BodyLine[] = parts.instructions;
  for (const l of lines) {
    const heading = l.fenced ? undefined : /^###\s+(.*?)\s*$/.exec(l.text)?.[1];
    const section = heading === 'Hints' ? 'hints' : heading === 'Starter' ? 'starter' : undefined;
    if (section !== undefined) {
      if (parts[section] !== undefined) {
        problems.push(new LessonFormatError(file, l.line, `${field} ${section}`, `a second \`### ${heading}\` section`, `keep one \`### ${heading}\` per step`));
      }
      parts[section] = { heading: l.line, lines: [] };
      current = parts[section].lines;
      continue;
    }
    if (heading !== undefined && current !== parts.instructions) {
      problems.push(new LessonFormatError(file, l.line, field, `unexpected heading "### ${heading}" after the hints or the starter`, 'put extra headings in the instructions, before `### Hints` and `### Starter`'));
      continue;
    }
    current.push(l);
  }
  return parts;
}

/** A numbered list; lines that do not start an item continue the item above them. */
function parseHints(lines: readonly BodyLine[], heading: number, field: string, file: string, problems: LessonFormatError[]): string[] | undefined {
  const hints: string[][] = [];
  for (const l of lines) {
    const item = /^\s*\d+[.)]\s+(.*)$/.exec(l.text);
    if (item !== null && !l.fenced) hints.push([item[1]!]);
    else if (hints.length > 0) hints.at(-1)!.push(l.text.trim() === '' ? '' : l.text.replace(/^ {1,4}/, ''));
    else if (l.text.trim() !== '') {
      problems.push(new LessonFormatError(file, l.line, field, 'text before the first hint', 'write the hints as a numbered list: `1. ...`, `2. ...`'));
      return undefined;
    }
  }
  const texts = hints.map((h) => h.join('\n').trim());
  if (texts.length === 0 || texts.some((t) => t === '')) {
    problems.push(new LessonFormatError(file, heading, field, texts.length === 0 ? 'no hints' : 'an empty hint', 'write at least one non-empty hint as a numbered list item: `1. ...`'));
    return undefined;
  }
  return texts;
}

/** Exactly one ```js (or ```javascript) block with a `// TODO`, and nothing else but blank lines. */
function parseStarter(lines: readonly BodyLine[], heading: number, field: string, file: string, problems: LessonFormatError[]): string | undefined {
  const stray = lines.find((l) => !l.fenced && l.text.trim() !== '');
  if (stray !== undefined) {
    problems.push(new LessonFormatError(file, stray.line, field, 'text outside the starter code block', 'keep only one ```js code block under `### Starter`; put prose in the instructions'));
    return undefined;
  }
  const openers = lines.filter((l) => l.fence === 'open');
  if (openers.length !== 1) {
    problems.push(new LessonFormatError(file, heading, field, openers.length === 0 ? 'no code block' : 'more than one code block', 'put the starter code in exactly one ```js code block'));
    return undefined;
  }
  const opener = openers[0]!;
  const lang = opener.text.trim().replace(/^(`{3,}|~{3,})/, '').trim();
  if (lang !== 'js' && lang !== 'javascript') {
    problems.push(new LessonFormatError(file, opener.line, field, `the code block is marked "${lang}"`, 'open the block with ```js: starters are JavaScript'));
    return undefined;
  }
  const start = lines.indexOf(opener) + 1;
  const end = lines.findIndex((l, i) => i >= start && l.fence === 'close');
  const code = lines.slice(start, end < 0 ? lines.length : end).map((l) => l.text).join('\n');
  if (!TODO.test(code)) {
    problems.push(new LessonFormatError(file, opener.line, field, 'the starter has no `// TODO` comment', 'mark the place the learner must change with `// TODO: ...`'));
    return undefined;
  }
  return `${code}\n`;
}

/** Lines back to text, without leading and trailing blank lines. */
function joinText(lines: readonly BodyLine[]): string {
  return lines.map((l) => l.text).join('\n').trim();
}

function sortByLine(problems: readonly LessonFormatError[]): LessonFormatError[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
