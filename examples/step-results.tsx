// Run: npx tsx examples/step-results.tsx
// The results of a run: the verdict, one line per check with expected, actual and the fix, and the output.
import { render } from 'ink';
import type { StepRun } from '../src/core/learn-state.js';
import { StepResults } from '../src/ui/step-results/index.js';

const run: StepRun = {
  status: 'fail',
  checks: [
    { name: 'token-starts-null', status: 'pass', message: 'resumeToken starts as null' },
    { name: 'listener-registered', status: 'pass', message: "a 'change' listener is registered on changeStream" },
    {
      name: 'events-received',
      status: 'fail',
      message: "only 1 of the 3 new orders reached the listener. Expected ['order-0001', 'order-0002', 'order-0003'], got ['order-0001']. Fix: use `on('change', ...)` (not once)",
      expected: "['order-0001', 'order-0002', 'order-0003']",
      actual: "['order-0001']",
    },
  ],
  output: [{ stream: 'out', text: 'got order-0001' }],
  outputTruncated: false,
  stoodIn: [],
  carriedOver: [],
  durationMs: 31,
};

render(<StepResults run={run} running={false} liveOutput={[]} />).unmount();
