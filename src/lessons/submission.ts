import { readFile } from 'node:fs/promises';
import { SubmissionParseError } from '../core/errors.js';

/**
 * Submission files (ARCHITECTURE.md section 6): JavaScript with one `// @step <step-id>` marker line per step, in
 * lesson order; each step's code runs from its marker to the next one. Before the first marker only comments and
 * blank lines may appear; comment lines of the form `// @<name> <value>` there are directives (a mutant's
 * `// @fails-at <step-id>`), which the grader ignores.
 */

/** One step's code in a submission. */
export interface SubmissionStep {
  readonly id: string;
  /** The code between this step's marker and the next, as the sandbox will evaluate it. */
  readonly code: string;
  /** 1-based line of the `// @step` marker. */
  readonly markerLine: number;
}

/** A submission file split into steps. */
export interface Submission {
  readonly file: string;
  /** One entry per lesson step, in lesson order. */
  readonly steps: readonly SubmissionStep[];
  /** Directives before the first marker, by name, with their value and 1-based line. */
  readonly directives: ReadonlyMap<string, { readonly value: string; readonly line: number }>;
}

const MARKER = /^\s*\/\/\s*@step\b\s*(.*?)\s*$/;
const DIRECTIVE = /^\s*\/\/\s*@([a-z][a-z-]*)\b\s*(.*?)\s*$/;

/** Reads and parses a submission; an unreadable file is a SubmissionParseError too (exit 2). */
export async function readSubmission(file: string, stepIds: readonly string[]): Promise<Submission> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})`;
    throw new SubmissionParseError(file, undefined, problem, 'pass the path of one JavaScript file with `// @step <id>` markers');
  }
  return parseSubmission(text, file, stepIds);
}

/**
 * Splits a submission's text at its markers and checks them against the lesson's steps: every step once, in lesson
 * order, and nothing else. `file` is only used in messages.
 */
export function parseSubmission(text: string, file: string, stepIds: readonly string[]): Submission {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const order = stepIds.join(', ');
  const markers: { id: string; line: number; index: number }[] = [];
  const directives = new Map<string, { value: string; line: number }>();
  lines.forEach((text, index) => {
    const line = index + 1;
    const marker = MARKER.exec(text);
    if (marker !== null) {
      const id = marker[1]!;
      if (id === '') throw new SubmissionParseError(file, line, 'a `// @step` marker without a step id', `name the step: \`// @step <id>\`, one of ${order}`);
      if (!stepIds.includes(id)) throw new SubmissionParseError(file, line, `unknown step "${id}"`, `the lesson's steps are, in order: ${order}`);
      const earlier = markers.find((m) => m.id === id);
      if (earlier !== undefined) throw new SubmissionParseError(file, line, `step "${id}" was already started at line ${earlier.line}`, 'keep exactly one marker per step');
      const previous = markers.at(-1);
      if (previous !== undefined && stepIds.indexOf(id) < stepIds.indexOf(previous.id)) {
        throw new SubmissionParseError(file, line, `step "${id}" comes after step "${previous.id}"`, `put the steps in lesson order: ${order}`);
      }
      markers.push({ id, line, index });
      return;
    }
    if (markers.length > 0) return;
    const directive = DIRECTIVE.exec(text);
    if (directive !== null) directives.set(directive[1]!, { value: directive[2]!, line });
    else if (text.trim() !== '' && !text.trim().startsWith('//')) {
      throw new SubmissionParseError(file, line, 'code before the first `// @step` marker', `move it below the marker of its step; the first step is \`// @step ${stepIds[0]}\``);
    }
  });
  if (markers.length === 0) {
    throw new SubmissionParseError(file, undefined, 'no `// @step <id>` markers', `start each step's code with a marker line, in this order: ${stepIds.map((id) => `// @step ${id}`).join(', ')}`);
  }
  stepIds.forEach((id, i) => {
    if (markers.some((m) => m.id === id)) return;
    const next = markers.find((m) => stepIds.indexOf(m.id) > i);
    const after = i === 0 ? 'at the top of the file' : `after the code of step "${stepIds[i - 1]}"`;
    throw new SubmissionParseError(file, next?.line ?? lines.length, `step "${id}" has no marker`, `add a line \`// @step ${id}\` followed by its code ${after}`);
  });
  const steps = markers.map((m, i) => ({
    id: m.id,
    markerLine: m.line,
    code: lines.slice(m.index + 1, markers[i + 1]?.index ?? lines.length).join('\n'),
  }));
  return { file, steps, directives };
}
