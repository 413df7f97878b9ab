// Run: npx tsx examples/step-screen.tsx
// One step with hardcoded data; Ctrl+R "runs" it (every run passes here). Esc shows the other keys, q quits.
import { render, useApp } from 'ink';
import type { LessonView, StepRun } from '../src/core/learn-state.js';
import { StepScreen } from '../src/ui/step-screen/index.js';

const lesson: LessonView = {
  id: 'resume-tokens',
  title: 'Resume tokens',
  introduction: '',
  started: true,
  stepIndex: 0,
  steps: [
    { id: 'open-stream', title: 'Open a change stream', instructions: 'Open a change stream on `orders` and keep it in `changeStream`.', code: '// TODO\n', passed: false, hints: [], hintCount: 2, solutionShown: false },
    { id: 'capture-token', title: 'Remember the last resume token', instructions: 'Store each event\'s `_id`.', code: '', passed: false, hints: [], hintCount: 3, solutionShown: false },
  ],
  timeline: [],
  liveOutput: [],
};
const run: StepRun = { status: 'pass', checks: [{ name: 'changeStream-open', status: 'pass', message: 'changeStream is open' }], output: [], outputTruncated: false, stoodIn: [], carriedOver: [], durationMs: 12 };

function Example() {
  const { exit } = useApp();
  return (
    <StepScreen
      lesson={lesson}
      target={{ state: 'ready', kind: 'embedded', uri: 'mongodb://127.0.0.1:41523/?replicaSet=rs0' }}
      sandbox={{ state: 'ready' }}
      isActive
      callbacks={{
        onCodeChange: () => undefined,
        onRun: async () => run,
        onGoTo: () => undefined,
        onHint: () => undefined,
        onShowSolution: () => undefined,
        onResetStep: () => undefined,
        onResetLesson: () => undefined,
        onEditExternally: async () => ({ ok: false, reason: 'no $EDITOR in this example' }),
        onQuit: () => exit(),
      }}
    />
  );
}

render(<Example />);
