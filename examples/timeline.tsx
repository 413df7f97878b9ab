// Run: npx tsx examples/timeline.tsx
// The event timeline of a resume that skipped the outage: the held orders never arrive and show as LOST.
import { render } from 'ink';
import type { LearnTimelineEntry } from '../src/core/learn-timeline.js';
import { Timeline } from '../src/ui/timeline/index.js';

const token = (n: number) => `826B0654A6${String(n).padStart(8, '0')}2B042C`;
const entries: LearnTimelineEntry[] = [
  { kind: 'stream-opened', step: 'open-stream', stream: 1, replay: false },
  { kind: 'inserted', step: 'capture-token', order: 'order-0001', replay: false },
  { kind: 'delivered', step: 'capture-token', order: 'order-0001', stream: 1, token: token(3), replay: false },
  { kind: 'outage-started', step: 'resume', stream: 1, replay: false },
  { kind: 'inserted', step: 'resume', order: 'order-0002', replay: false },
  { kind: 'held', step: 'resume', order: 'order-0002', stream: 1, token: token(4), replay: false },
  { kind: 'stream-closed', step: 'resume', stream: 1, replay: false },
  { kind: 'stream-opened', step: 'resume', stream: 2, replay: false },
  { kind: 'outage-ended', step: 'resume', replay: false },
  { kind: 'inserted', step: 'keep-tracking', order: 'order-0003', replay: false },
  { kind: 'delivered', step: 'keep-tracking', order: 'order-0003', stream: 2, token: token(5), replay: false },
  { kind: 'run-ended', step: 'keep-tracking', waiting: false, replay: false },
];

render(<Timeline entries={entries} />).unmount();
