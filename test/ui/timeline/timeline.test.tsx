import { describe, expect, it } from 'vitest';
import type { LearnTimelineEntry } from '../../../src/core/learn-timeline.js';
import { createTheme, ThemeContext } from '../../../src/ui/theme/index.js';
import { Timeline } from '../../../src/ui/timeline/index.js';
import { render } from '../../support/ink.js';

const token = (n: number) => `826B0654A6${String(n).padStart(8, '0')}2B04`;
/** A timeline entry, not replayed unless it says so. */
const e = (entry: Record<string, unknown>) => ({ replay: false, ...entry }) as LearnTimelineEntry;

const resumedFromNow: LearnTimelineEntry[] = [
  e({ kind: 'stream-opened', step: 'open-stream', stream: 1 }),
  e({ kind: 'inserted', step: 'capture-token', order: 'order-0001' }),
  e({ kind: 'delivered', step: 'capture-token', order: 'order-0001', stream: 1, token: token(3) }),
  e({ kind: 'outage-started', step: 'resume', stream: 1 }),
  e({ kind: 'inserted', step: 'resume', order: 'order-0002' }),
  e({ kind: 'held', step: 'resume', order: 'order-0002', stream: 1, token: token(4) }),
  e({ kind: 'stream-closed', step: 'resume', stream: 1 }),
  e({ kind: 'stream-opened', step: 'resume', stream: 2 }),
  e({ kind: 'outage-ended', step: 'resume' }),
  e({ kind: 'run-ended', step: 'keep-tracking', waiting: false }),
  e({ kind: 'inserted', step: 'keep-tracking', order: 'order-0003' }),
  e({ kind: 'delivered', step: 'keep-tracking', order: 'order-0003', stream: 2, token: token(5) }),
  e({ kind: 'delivered', step: 'keep-tracking', order: 'order-0003', stream: 2, token: token(5) }),
];

describe('ui/timeline', () => {
  it('shows each order with its stream and token, the outage window, and lost or duplicated orders', () => {
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <Timeline entries={resumedFromNow} />
      </ThemeContext.Provider>,
    );
    expect(app.lastFrame()).toMatchInlineSnapshot(`
      "Event timeline (order → stream, token)
      3 orders: 1 lost, 1 duplicated
        stream #1 opened
        order-0001 → #1 …54A6:0003
      ┃ outage: listeners on #1 get nothing
      ┃ order-0002 held #1 LOST
      ┃ stream #1 closed
      ┃ stream #2 opened
      ┃ outage over
        order-0003 → #2 …54A6:0005 → #2 …54A6:0005 DUPLICATED ×2"
    `);
    app.unmount();
  });

  it('keeps the latest rows and says how many came before', () => {
    const app = render(<Timeline entries={resumedFromNow} maxRows={2} />);
    expect(app.lastFrame().split('\n').slice(2)).toEqual(['… 6 earlier rows', '┃ outage over', '  order-0003 → #2 …54A6:0005 → #2 …54A6:0005 DUPLICATED ×2']);
    app.unmount();
  });

  it('paints problems red, and nothing at all without colour', () => {
    expect(createTheme(true).tone('failure')).toBe('red');
    expect(createTheme(false).tone('failure')).toBeUndefined();
  });
});
