import { EventEmitter } from 'node:events';
import type { OutputLine } from './api.js';

/** A single printed line is cut here, so that one `print('x'.repeat(1e9))` cannot fill the host's memory. */
export const MAX_LINE_CHARS = 10_000;

/** Events of OutputCapture. */
interface OutputEvents {
  /** A line that was kept (not beyond the bound), as soon as it is printed: the live view of the output. */
  line: [OutputLine];
}

/**
 * The learner's output since the last drain, in the order it was printed, one entry per line. Output of
 * listeners that run between evaluations stays here until the next evaluation (or drain) collects it.
 */
export class OutputCapture extends EventEmitter<OutputEvents> {
  #lines: OutputLine[] = [];
  #truncated = false;

  constructor(readonly maxLines: number) {
    super();
  }

  /** Records printed text; several lines become several entries. */
  write(stream: OutputLine['stream'], text: string): void {
    for (const part of text.split('\n')) {
      if (this.#lines.length >= this.maxLines) {
        this.#truncated = true;
        return;
      }
      const line: OutputLine = { stream, text: part.length > MAX_LINE_CHARS ? `${part.slice(0, MAX_LINE_CHARS)} …` : part };
      this.#lines.push(line);
      this.emit('line', line);
    }
  }

  /** Everything since the last drain, and whether some of it was dropped at the bound; starts afresh. */
  drain(): { output: OutputLine[]; outputTruncated: boolean } {
    const drained = { output: this.#lines, outputTruncated: this.#truncated };
    this.#lines = [];
    this.#truncated = false;
    return drained;
  }
}
