import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubmissionParseError } from '../../src/core/errors.js';
import { parseSubmission, readSubmission } from '../../src/lessons/submission.js';

const STEPS = ['open-stream', 'capture-token', 'resume'];
const FILE = '/work/s.js';

/** The SubmissionParseError a text raises, as its fields. */
function errorOf(text: string): { line: number | undefined; problem: string; hint: string } {
  try {
    parseSubmission(text, FILE, STEPS);
  } catch (err) {
    expect(err).toBeInstanceOf(SubmissionParseError);
    const { line, problem, hint } = err as SubmissionParseError;
    return { line, problem, hint };
  }
  throw new Error('expected a SubmissionParseError');
}

describe('lessons/submission', () => {
  it("splits the file at its markers, keeping each step's marker line and directives", () => {
    const text = [
      '// @fails-at resume',
      '// @why no resumeAfter',
      '// any comment',
      '',
      '// @step open-stream',
      'const a = 1;',
      '//@step   capture-token',
      'let b = 2;',
      'print(b);',
      '// @step resume',
    ].join('\n');
    const submission = parseSubmission(text, FILE, STEPS);
    expect(submission.steps).toEqual([
      { id: 'open-stream', markerLine: 5, code: 'const a = 1;' },
      { id: 'capture-token', markerLine: 7, code: 'let b = 2;\nprint(b);' },
      { id: 'resume', markerLine: 10, code: '' },
    ]);
    expect(Object.fromEntries(submission.directives)).toEqual({
      'fails-at': { value: 'resume', line: 1 },
      why: { value: 'no resumeAfter', line: 2 },
    });
  });

  it.each([
    ['no markers', 'const a = 1;\n', 1, 'code before the first `// @step` marker', 'move it below the marker of its step; the first step is `// @step open-stream`'],
    ['only comments', '// hello\n', undefined, 'no `// @step <id>` markers', "start each step's code with a marker line, in this order: // @step open-stream, // @step capture-token, // @step resume"],
    ['a marker without id', '// @step\n', 1, 'a `// @step` marker without a step id', 'name the step: `// @step <id>`, one of open-stream, capture-token, resume'],
    ['an unknown step', '// @step open-stream\n// @step resum\n', 2, 'unknown step "resum"', "the lesson's steps are, in order: open-stream, capture-token, resume"],
    ['a repeated step', '// @step open-stream\n// @step capture-token\n// @step open-stream\n', 3, 'step "open-stream" was already started at line 1', 'keep exactly one marker per step'],
    ['steps out of order', '// @step capture-token\n// @step open-stream\n// @step resume\n', 2, 'step "open-stream" comes after step "capture-token"', 'put the steps in lesson order: open-stream, capture-token, resume'],
    ['a missing step', '// @step open-stream\nx;\n// @step resume\n', 3, 'step "capture-token" has no marker', 'add a line `// @step capture-token` followed by its code after the code of step "open-stream"'],
    ['a missing last step', '// @step open-stream\n// @step capture-token\nx;', 3, 'step "resume" has no marker', 'add a line `// @step resume` followed by its code after the code of step "capture-token"'],
  ])('rejects %s with the line and the fix', (_name, text, line, problem, hint) => {
    expect(errorOf(text)).toEqual({ line, problem, hint });
  });

  it('reports a file that cannot be read as a SubmissionParseError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resume-lab-submission-'));
    await expect(readSubmission(join(dir, 'missing.js'), STEPS)).rejects.toMatchObject({ code: 'SUBMISSION_FORMAT', problem: 'no such file', line: undefined });
    await expect(readSubmission(dir, STEPS)).rejects.toMatchObject({ problem: 'is a folder, not a file' });
    writeFileSync(join(dir, 'ok.js'), '// @step open-stream\n// @step capture-token\n// @step resume\n');
    await expect(readSubmission(join(dir, 'ok.js'), STEPS)).resolves.toMatchObject({ file: join(dir, 'ok.js') });
  });
});
