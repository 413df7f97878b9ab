import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editExternally, editorCommand } from '../../src/core/external-editor.js';

/** An "editor": a shell command that rewrites the file it is given. */
function fakeEditor(script: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'resume-lab-editor-')), 'editor.cjs');
  writeFileSync(file, script);
  return `"${process.execPath}" "${file}"`;
}

describe('core/external-editor', () => {
  it('takes VISUAL, then EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'nano' }, 'linux')).toBe('code --wait');
    expect(editorCommand({ EDITOR: 'nano' }, 'linux')).toBe('nano');
    expect(editorCommand({}, 'linux')).toBe('vi');
    expect(editorCommand({}, 'win32')).toBe('notepad');
  });

  it('returns the text the editor saved, without the final line break editors add', () => {
    const editor = fakeEditor("const fs = require('fs'); const f = process.argv[2]; fs.writeFileSync(f, fs.readFileSync(f, 'utf8').toUpperCase() + '\\n');");
    expect(editExternally('let a = 1;\nb', editor)).toEqual({ ok: true, text: 'LET A = 1;\nB' });
  });

  it('says why when the editor fails or is missing, and keeps the snippet', () => {
    expect(editExternally('x', fakeEditor('process.exit(3)'))).toEqual({ ok: false, reason: expect.stringMatching(/exited with code 3; the snippet is unchanged/) });
    expect(editExternally('x', 'no-such-editor-anywhere')).toEqual({ ok: false, reason: 'the editor "no-such-editor-anywhere" was not found; set $EDITOR' });
  });
});
