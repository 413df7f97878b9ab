import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../../../src/engine/dispatch/registry.js';

const COMMANDS_DIR = fileURLToPath(new URL('../../../src/engine/commands/', import.meta.url));

describe('engine/dispatch/registry', () => {
  it('is sorted alphabetically (case-insensitive)', () => {
    const names = COMMANDS.map((spec) => spec.name);
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...names].sort((a, b) => byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b));
    expect(names).toEqual(sorted);
  });

  it('registers every command file, and each file is named after its command in lowercase', () => {
    const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts') && !f.startsWith('_'));
    for (const file of files) {
      const source = readFileSync(COMMANDS_DIR + file, 'utf8');
      const declared = [...source.matchAll(/(?:CommandSpec = \{\s*|\.\.\.\w+, )name: '(\w+)'/g)].map((m) => m[1]!);
      expect(declared.length, `${file} declares a command`).toBeGreaterThan(0);
      for (const name of declared) {
        expect(findCommand(name), `${name} from ${file} is registered`).toBeDefined();
        expect(file, `${name} lives in a file named after it`).toBe(`${declared[0]!.toLowerCase()}.ts`);
      }
    }
  });

  it('keeps aliases hidden (empty help) and pointing at the same handler', () => {
    expect(findCommand('ismaster')?.help).toBe('');
    expect(findCommand('ismaster')?.handler).toBe(findCommand('isMaster')?.handler);
    expect(findCommand('buildinfo')?.handler).toBe(findCommand('buildInfo')?.handler);
  });

  it('tells known-but-unimplemented commands (no handler) from unknown ones', () => {
    expect(findCommand('bulkWrite')).toBeDefined();
    expect(findCommand('bulkWrite')?.handler).toBeUndefined();
    expect(findCommand('noSuchCommand')).toBeUndefined();
  });
});
