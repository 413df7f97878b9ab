import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from './config.js';

/**
 * Editing a snippet in the learner's own editor ($VISUAL or $EDITOR), the way mongosh's `edit` and git do it: the text
 * goes to a temporary file, the editor runs on the terminal until it exits, and the file is read back.
 */

/** What came back from the editor. */
export type ExternalEdit =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** The editor command: $VISUAL, else $EDITOR, else the platform's plain editor. */
export function editorCommand(env?: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  return resolveConfig('editor', {}, env) ?? (platform === 'win32' ? 'notepad' : 'vi');
}

/**
 * Runs the editor on a temporary copy of `text` and returns the edited text. It blocks until the editor exits, on
 * purpose: the calling process must not read the terminal meanwhile, so the caller leaves raw mode before and
 * restores it after. The command may carry arguments (`code --wait`); it runs through the shell, as git runs it.
 */
export function editExternally(text: string, command: string = editorCommand()): ExternalEdit {
  const dir = mkdtempSync(join(tmpdir(), 'resume-lab-edit-'));
  const file = join(dir, 'snippet.js');
  try {
    writeFileSync(file, text);
    const quoted = process.platform === 'win32' ? `"${file}"` : `'${file.replace(/'/g, `'\\''`)}'`;
    const result = spawnSync(`${command} ${quoted}`, { stdio: 'inherit', shell: true });
    if (result.error !== undefined) return { ok: false, reason: `${command} could not start: ${result.error.message}` };
    // A shell answers 127 for a command it cannot find (9009 is cmd.exe's).
    if (result.status === 127 || result.status === 9009) return { ok: false, reason: `the editor "${command}" was not found; set $EDITOR` };
    if (result.status !== 0) return { ok: false, reason: `the editor "${command}" exited with code ${result.status ?? result.signal}; the snippet is unchanged` };
    return { ok: true, text: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
