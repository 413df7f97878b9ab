/**
 * Text edits on a learner's snippet that remember where every generated character came from, so an error raised
 * in the rewritten code can be reported at the learner's own line and column. Edits add no line breaks except
 * after the last character, which keeps line numbers equal and leaves only columns to map.
 */

/** Replace `source[start, end)` with `text`; an insertion has start === end. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** The edited code plus the mapping from its positions back to the original snippet. */
export class EditedSource {
  readonly code: string;
  /** Edits sorted by position; insertions at the same offset keep the order in which they were given. */
  readonly #edits: readonly SourceEdit[];
  readonly #originalLines: readonly number[];
  readonly #generatedLines: readonly number[];

  constructor(
    readonly original: string,
    edits: readonly SourceEdit[],
  ) {
    this.#edits = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order).map((e) => e.edit);
    let code = '';
    let at = 0;
    for (const edit of this.#edits) {
      if (edit.start < at) throw new RangeError(`overlapping edits at offset ${edit.start}`);
      if (edit.text.includes('\n') && edit.start < original.length) {
        throw new RangeError('only an edit at the end may add line breaks: error lines would no longer match');
      }
      code += original.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    this.code = code + original.slice(at);
    this.#originalLines = lineStarts(original);
    this.#generatedLines = lineStarts(this.code);
  }

  /** Maps a 1-based position in the generated code to the snippet; inserted text maps to where it was inserted. */
  toOriginal(position: LineColumn): LineColumn | undefined {
    const generated = offsetOf(this.#generatedLines, position);
    if (generated === undefined || generated > this.code.length) return undefined;
    let shift = 0;
    for (const edit of this.#edits) {
      const editStart = edit.start + shift;
      if (generated < editStart) break;
      if (generated < editStart + edit.text.length) return positionOf(this.#originalLines, edit.start);
      shift += edit.text.length - (edit.end - edit.start);
    }
    return positionOf(this.#originalLines, Math.min(generated - shift, this.original.length));
  }
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The offset of a 1-based line and column, or undefined past the last line. */
function offsetOf(starts: readonly number[], { line, column }: LineColumn): number | undefined {
  const start = starts[line - 1];
  return start === undefined ? undefined : start + Math.max(column - 1, 0);
}

/** The 1-based line and column of an offset. */
function positionOf(starts: readonly number[], offset: number): LineColumn {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
