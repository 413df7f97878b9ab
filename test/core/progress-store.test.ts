import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProgressFileError } from '../../src/core/errors.js';
import { PROGRESS_FORMAT_VERSION, progressPath, ProgressStore, type LessonProgress } from '../../src/core/progress-store.js';
import { tempProgressFile } from '../support/learn.js';

const STORE_MODULE = fileURLToPath(new URL('../../src/core/progress-store.ts', import.meta.url));
const NOW = new Date('2025-01-02T03:04:05.678Z');

const progress: LessonProgress = {
  currentStep: 'capture-token',
  steps: { 'open-stream': { code: 'const changeStream = db.orders.watch();', passed: true, hintsShown: 1, solutionShown: false } },
};

describe('core/progress-store', () => {
  it.each([
    ['RESUME_LAB_HOME wins everywhere', 'darwin', { RESUME_LAB_HOME: '/data/rl' }, '/data/rl/progress.json'],
    ['Linux: XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '/cfg' }, '/cfg/resume-lab/progress.json'],
    ['Linux: ~/.config without XDG_CONFIG_HOME', 'linux', {}, '/home/ada/.config/resume-lab/progress.json'],
    ['Linux: a relative XDG_CONFIG_HOME is ignored, as the spec says', 'linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/ada/.config/resume-lab/progress.json'],
    ['macOS: Application Support', 'darwin', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada/Library/Application Support/resume-lab/progress.json'],
    ['Windows: %APPDATA%', 'win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada\\AppData\\Roaming\\resume-lab\\progress.json'],
  ] as const)('finds the file: %s', (_name, platform, env, expected) => {
    expect(progressPath({ platform, homedir: '/home/ada', env })).toBe(expected);
  });

  it('starts empty without a file, and writes human-readable JSON with a format version', () => {
    const file = tempProgressFile();
    const store = ProgressStore.open(file);
    expect([store.lessonIds(), store.notice]).toEqual([[], undefined]);
    store.saveLesson('resume-tokens', progress);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${JSON.stringify({ formatVersion: PROGRESS_FORMAT_VERSION, lessons: { 'resume-tokens': progress } }, null, 2)}\n`);
    expect(ProgressStore.open(file).lesson('resume-tokens')).toEqual(progress);
    // Nothing but the file is left in the folder: the temporary file was renamed over it.
    expect(readdirSync(dirname(file))).toEqual(['progress.json']);
  });

  it.each([
    ['not JSON', '{"formatVersion": 1, "lessons": {', /^.+ could not be read \(it is not valid JSON: .+\)\. It was moved to .+progress\.json\.corrupt-2025-01-02T03-04-05-678Z and progress starts afresh\.$/],
    ['no format version', '{"lessons": {}}', /could not be read \(it has no formatVersion\)/],
    ['a step of the wrong shape', JSON.stringify({ formatVersion: 1, lessons: { x: { currentStep: 'a', steps: { a: { code: 1 } } } } }), /could not be read \(lesson "x": step "a" needs code/],
    ['a newer format', JSON.stringify({ formatVersion: 2, lessons: [] }), /was written by a newer resume-lab \(progress format 2; this one reads format 1\)\. It was moved to .+ update resume-lab to continue from it\.$/],
  ])('moves a file with %s aside, with a message, and starts afresh', (_name, text, notice) => {
    const file = tempProgressFile();
    writeFileSync(file, text);
    const store = ProgressStore.open(file, () => NOW);
    expect(store.notice).toMatch(notice);
    expect(store.lessonIds()).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.corrupt-2025-01-02T03-04-05-678Z`, 'utf8')).toBe(text);
    store.saveLesson('resume-tokens', progress);
    expect(ProgressStore.open(file).notice).toBeUndefined();
  });

  it('ignores a temporary file that a crash left behind', () => {
    const file = tempProgressFile();
    ProgressStore.open(file).saveLesson('resume-tokens', progress);
    writeFileSync(`${file}.tmp-999-abc`, '{"formatVersion": 1, "less');
    expect(ProgressStore.open(file).lesson('resume-tokens')).toEqual(progress);
  });

  it('throws ProgressFileError when the file cannot be read or written', () => {
    const unreadable = tempProgressFile();
    mkdirSync(unreadable);
    expect(() => ProgressStore.open(unreadable)).toThrow(ProgressFileError);
    expect(() => ProgressStore.open(unreadable)).toThrow(expect.objectContaining({ action: 'read', reason: 'EISDIR', exitCode: 3 }));
    // The folder is missing when the store opens, and a file takes its name before the first save.
    const folder = join(dirname(tempProgressFile()), 'later');
    const store = ProgressStore.open(join(folder, 'progress.json'));
    writeFileSync(folder, '');
    expect(() => store.saveLesson('x', progress)).toThrow(expect.objectContaining({ code: 'PROGRESS_FILE', action: 'write', reason: 'EEXIST' }));
  });

  it('never leaves a corrupt file when the process is killed in the middle of saving', async () => {
    const file = tempProgressFile();
    const script = join(dirname(file), 'saver.mts');
    // A large lesson, so that each write takes a while and a kill lands inside one.
    writeFileSync(
      script,
      `import { ProgressStore } from ${JSON.stringify(STORE_MODULE)};
const store = ProgressStore.open(${JSON.stringify(file)});
const code = 'x'.repeat(200_000);
for (let i = 1; ; i++) {
  store.saveLesson('resume-tokens', { currentStep: 'open-stream', steps: { 'open-stream': { code: code + i, passed: false, hintsShown: 0, solutionShown: false } } });
  console.log('saved ' + i);
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    for await (const line of lines) if (line === 'saved 25') break;
    child.kill('SIGKILL');
    await once(child, 'close');
    const store = ProgressStore.open(file);
    expect(store.notice).toBeUndefined();
    expect(store.lesson('resume-tokens')?.steps['open-stream']?.code).toMatch(/^x{200000}\d+$/);
  });
});
