import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** The one file allowed to read the environment (STYLE rule 15). */
const CONFIG = 'core/config.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Code only: comment lines are skipped, and so is a mention inside a string (an odd number of
// quotes before it on the line).
function readsEnvironment(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return false;
  const at = line.search(/\bprocess\.env\b/);
  if (at < 0) return false;
  const before = line.slice(0, at);
  return ['\'', '"', '`'].every((quote) => before.split(quote).length % 2 === 1);
}

describe('core/config (the only reader of the environment)', () => {
  it('is the only source file that reads process.env', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => relative(SRC, file) !== CONFIG)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (readsEnvironment(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders, 'resolve the setting in src/core/config.ts instead').toEqual([]);
  });
});
