// Run: npx tsx examples/lesson-picker.tsx
// The lesson list: Up and Down choose, Enter or a number opens, q quits.
import { render, useApp } from 'ink';
import type { LessonChoice } from '../src/core/learn-state.js';
import { LessonPicker } from '../src/ui/lesson-picker/index.js';

const lessons: LessonChoice[] = [
  { id: 'resume-tokens', title: 'Resume tokens', summary: 'Pick up after an interruption, losing nothing.', steps: 4, estimatedMinutes: 20, passed: 2, started: true },
  { id: 'filtering', title: 'Filtering events', summary: 'Watch only the changes that matter.', steps: 3, estimatedMinutes: 15, passed: 0, started: false },
];

function Example() {
  const { exit } = useApp();
  return <LessonPicker lessons={lessons} onSelect={(id) => exit(id)} onQuit={() => exit()} isActive />;
}

const chosen = await render(<Example />).waitUntilExit();
console.log(chosen === undefined ? 'No lesson chosen.' : `Chosen: ${String(chosen)}`);
