import { writeFileSync } from 'node:fs';
import { resolveConfig, type ConfigFlags } from '../core/config.js';
import { OutputWriteError } from '../core/errors.js';

/** Where a command's report goes: stdout as it is produced, or a file written once at the end (`--output`). */
export interface ReportOutput {
  readonly write: (text: string) => void;
  /** Colour only for a terminal, and never when --no-color or NO_COLOR says so. */
  readonly color: boolean;
  /** Writes the file, if there is one; a failure is an OutputWriteError. */
  close(): void;
}

/** The output for `file` (undefined: stdout). */
export function reportOutput(file: string | undefined, stdout: NodeJS.WritableStream, flags: ConfigFlags): ReportOutput {
  if (file === undefined) {
    const color = !resolveConfig('noColor', flags) && (stdout as { isTTY?: boolean }).isTTY === true;
    return { write: (text) => void stdout.write(text), color, close: () => undefined };
  }
  const chunks: string[] = [];
  return {
    write: (text) => void chunks.push(text),
    color: false,
    close: () => {
      try {
        writeFileSync(file, chunks.join(''));
      } catch (err) {
        throw new OutputWriteError(file, (err as NodeJS.ErrnoException).code ?? String(err));
      }
    },
  };
}
