import type { SnippetError, SnippetPosition } from './api.js';
import { SnippetSyntaxError } from './errors.js';
import { explain } from './explain.js';
import type { LineColumn } from './source-edits.js';

/** The file name a snippet's script gets; stack frames name it, which is how positions are found. */
export function snippetFileName(evaluation: number): string {
  return `snippet-${evaluation}.js`;
}

/** Finds frames of snippet scripts in a stack: `at handler (snippet-2.js:3:9)` or `at async snippet-2.js:1:1`. */
const SNIPPET_FRAME = /snippet-(\d+)\.js:(\d+):(\d+)/;

/** How SnippetErrors are located and explained in one session. */
export interface SnippetErrorContext {
  /** The evaluation that will report the error. */
  evaluation: number;
  /** Maps a position in evaluation `n`'s generated code to its snippet; undefined when `n` is forgotten. */
  toSnippet(evaluation: number, position: LineColumn): LineColumn | undefined;
  /** The lesson's explanations by name. */
  explanations: Readonly<Record<string, string>>;
}

/**
 * Turns anything a snippet threw (an Error from any realm, a MongoServerError, a string) into the learner's
 * SnippetError: name, message, position in the snippet, explanation. `site` names where an error outside the
 * evaluation happened ("a 'change' listener"), and is added to the message.
 */
export function toSnippetError(thrown: unknown, context: SnippetErrorContext, site?: string): SnippetError {
  if (thrown instanceof SnippetSyntaxError) {
    return {
      kind: 'syntax',
      name: 'SyntaxError',
      message: thrown.message,
      position: thrown.position,
      explanation: thrown.explanation ?? explain({ name: 'SyntaxError', message: thrown.message }, context.explanations),
    };
  }
  const isObject = thrown !== null && typeof thrown === 'object';
  const name = isObject && typeof (thrown as Error).name === 'string' ? (thrown as Error).name : 'Error';
  const message = isObject && typeof (thrown as Error).message === 'string' ? (thrown as Error).message : String(thrown);
  const code = isObject && typeof (thrown as { code?: unknown }).code === 'number' ? (thrown as { code: number }).code : undefined;
  const error: SnippetError = { kind: 'runtime', name, message: site ? `${message} (in ${site})` : message };
  const stack = isObject && typeof (thrown as Error).stack === 'string' ? (thrown as Error).stack! : '';
  const position = positionIn(stack, context);
  if (position) error.position = position;
  const explanation = explain({ name, message, code }, context.explanations);
  if (explanation) error.explanation = explanation;
  return error;
}

/** The first snippet frame of a stack, mapped to the learner's line and column. */
function positionIn(stack: string, context: SnippetErrorContext): SnippetPosition | undefined {
  const frame = SNIPPET_FRAME.exec(stack);
  if (!frame) return undefined;
  const evaluation = Number(frame[1]);
  const mapped = context.toSnippet(evaluation, { line: Number(frame[2]), column: Number(frame[3]) });
  if (!mapped) return undefined;
  return evaluation === context.evaluation ? mapped : { ...mapped, evaluation };
}
