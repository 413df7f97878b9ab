import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/grading/report.js';
import { prettyGradeRenderer } from '../../src/reporters/pretty.js';
import { gradeReport, stepReport } from '../support/reports.js';

/** The pretty text of a whole report, as the renderer writes it event by event. */
function render(report: GradeReport, color = false): string {
  let text = '';
  const emit = prettyGradeRenderer((chunk) => (text += chunk), { color });
  const submission = report.submissions[0]!;
  emit({ type: 'submission-started', file: submission.file, lesson: report.lesson.id, steps: submission.maxScore });
  for (const step of submission.steps) emit({ type: 'step-graded', file: submission.file, step });
  emit({ type: 'report', report });
  return text;
}

const REPORT = gradeReport(
  [
    stepReport({ id: 'one', status: 'pass', checks: [{ name: 'ok', status: 'pass', message: 'fine' }] }),
    stepReport({
      id: 'two',
      status: 'error',
      checks: [{ name: 'bad', status: 'fail', message: 'it broke. Expected a, got b. Fix: do c', expected: 'a', actual: 'b' }],
      output: ['hello'],
      error: { kind: 'runtime', name: 'TypeError', message: 'x is not a function', file: '/work/s.js', line: 7, column: 3, explanation: 'call a function' },
    }),
    stepReport({ id: 'three', status: 'pass', stoodIn: ['two'] }),
  ],
  [
    { run: 1, step: 'two', kind: 'inserted', order: 'order-0001' },
    { run: 1, step: 'two', kind: 'delivered', stream: 1, order: 'order-0001' },
    { run: 1, step: 'two', kind: 'delivered', stream: 1, order: 'order-0001' },
    { run: 1, step: 'two', kind: 'inserted', order: 'order-0002' },
    { run: 2, step: 'two', kind: 'inserted', order: 'order-0001' },
    { run: 2, step: 'two', kind: 'held', stream: 1, order: 'order-0001' },
    { run: 2, step: 'three', kind: 'delivered', stream: 2, order: 'order-0001' },
  ],
  [['two']],
);

describe('reporters/pretty', () => {
  it('shows each step, the details of the failed ones, the stand-ins, the timeline per run and the score', () => {
    expect(render(REPORT)).toBe(
      [
        '/work/s.js (lesson demo, 3 steps)',
        '  ✓ 1. Step one [one] 3 ms',
        '  ✗ 2. Step two [two] error 3 ms',
        '      /work/s.js:7:3: TypeError: x is not a function',
        '      hint: call a function',
        '      ✗ bad: it broke. Expected a, got b. Fix: do c',
        '      output:',
        '      | hello',
        '  ✓ 3. Step three [three] 3 ms',
        '      graded with the reference solution standing in for your failed step two',
        '  run 1 (your code): each order, the step it was inserted in, and what reached your listeners',
        '    order-0001  two  delivered on stream 1 2 times DUPLICATED',
        '    order-0002  two  never delivered LOST',
        '  run 2 (rebuilt with the reference solution for two): each order, the step it was inserted in, and what reached your listeners',
        '    order-0001  two  held by the outage on stream 1, delivered on stream 2',
        '  FAIL 2/3 steps in 13 ms · seed 42 · target embedded',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked to', () => {
    expect(render(REPORT, false)).not.toContain('\x1b[');
    expect(render(REPORT, true)).toContain('\x1b[32m✓\x1b[39m');
  });
});
