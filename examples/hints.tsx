// Run: npx tsx examples/hints.tsx
// Two hints asked for, and the reference solution the learner confirmed they wanted to see.
import { render } from 'ink';
import { Hints } from '../src/ui/hints/index.js';

render(
  <Hints
    hints={['`changeStream.on(\'change\', (change) => { ... })` runs the function for every event.', 'Overwrite the variable on every event, not only the first one.']}
    hintCount={3}
    solution={"let resumeToken = null;\nchangeStream.on('change', (change) => {\n  resumeToken = change._id;\n});"}
    passed={false}
  />,
).unmount();
