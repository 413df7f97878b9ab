import { describe, expect, it } from 'vitest';
import type { StepRun } from '../../../src/core/learn-state.js';
import { checkParts, StepResults } from '../../../src/ui/step-results/index.js';
import { createTheme, ThemeContext } from '../../../src/ui/theme/index.js';
import { render } from '../../support/ink.js';

const failing: StepRun = {
  status: 'fail',
  checks: [
    { name: 'token-starts-null', status: 'pass', message: 'resumeToken starts as null' },
    {
      name: 'token-is-latest',
      status: 'fail',
      message: "resumeToken still holds the first event's token. Expected the resume token of order-0003's event, got the resume token of order-0001's event. Fix: assign it on every event: `resumeToken = change._id;`",
      expected: "the resume token of order-0003's event",
      actual: "the resume token of order-0001's event",
    },
  ],
  output: [{ stream: 'out', text: 'got one' }, { stream: 'err', text: 'oops' }],
  outputTruncated: false,
  stoodIn: ['open-stream'],
  carriedOver: [],
  durationMs: 42.4,
};

describe('ui/step-results', () => {
  it('splits a failure into what happened, expected, actual and the fix', () => {
    expect(checkParts(failing.checks[1]!)).toEqual({
      summary: "resumeToken still holds the first event's token.",
      expected: "the resume token of order-0003's event",
      actual: "the resume token of order-0001's event",
      fix: 'assign it on every event: `resumeToken = change._id;`',
    });
    expect(checkParts({ name: 'x', status: 'fail', message: 'other words', expected: 'a', actual: 'b' })).toEqual({ summary: 'other words', expected: 'a', actual: 'b' });
  });

  it('shows the verdict, one line per check, a stand-in note and the output', () => {
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <StepResults run={failing} running={false} liveOutput={[]} />
      </ThemeContext.Provider>,
    );
    expect(app.lastFrame()).toMatchInlineSnapshot(`
      "NOT YET: 1 of 2 checks passed (42 ms)
      The reference solution stood in for open-stream, which has not passed yet.
      ✓ token-starts-null: resumeToken starts as null
      ✗ token-is-latest: resumeToken still holds the first event's token.
          expected  the resume token of order-0003's event
          actual    the resume token of order-0001's event
          fix       assign it on every event: \`resumeToken = change._id;\`
      Output
        got one
        oops"
    `);
    app.unmount();
  });

  it('places an error in the step whose code raised it', () => {
    const run: StepRun = {
      ...failing,
      status: 'error',
      checks: [],
      output: [],
      stoodIn: [],
      error: { kind: 'runtime', name: 'TypeError', message: "Cannot read 'x'", line: 3, column: 7, stepId: 'capture-token', explanation: 'look at the value before the dot' },
    };
    const app = render(<StepResults run={run} running={false} liveOutput={[]} />);
    expect(app.lastFrame()).toContain("✗ TypeError: Cannot read 'x' (line 3, column 7 of step capture-token)");
    expect(app.lastFrame()).toContain('  look at the value before the dot');
    app.unmount();
  });

  it('shows the output as it comes while the step runs', () => {
    const app = render(<StepResults running liveOutput={[{ stream: 'out', text: 'first event' }]} />);
    expect(app.lastFrame()).toBe('Running your code and the checks…\nOutput\n  first event');
    app.unmount();
  });
});
