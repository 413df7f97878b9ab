// Run: npx tsx examples/help-line.tsx
// The keys that work now, on one line.
import { render } from 'ink';
import { HelpLine } from '../src/ui/help-line/index.js';

render(
  <HelpLine
    items={[
      { key: 'Ctrl+R', label: 'run' },
      { key: 'Esc', label: 'more keys: hints, steps, reset, quit' },
      { key: 'Ctrl+O', label: 'edit in $EDITOR' },
      { key: 'Ctrl+C', label: 'quit' },
    ]}
  />,
).unmount();
