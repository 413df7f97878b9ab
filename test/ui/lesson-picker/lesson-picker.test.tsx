import { describe, expect, it } from 'vitest';
import type { LessonChoice } from '../../../src/core/learn-state.js';
import { createDefaultState, LessonPicker, reducer } from '../../../src/ui/lesson-picker/index.js';
import { KEYS, render, sendInputAndWaitForContent } from '../../support/ink.js';

const lessons: LessonChoice[] = [
  { id: 'resume-tokens', title: 'Resume tokens', summary: 'Pick up after an interruption.', steps: 4, estimatedMinutes: 20, passed: 2, started: true },
  { id: 'pipelines', title: 'Filtering events', summary: 'Watch only what matters.', steps: 3, estimatedMinutes: 15, passed: 0, started: false },
];

describe('ui/lesson-picker', () => {
  it('moves the focus with wrap-around', () => {
    const state = createDefaultState(2);
    expect(reducer(state, { type: 'focus-next' }).focused).toBe(1);
    expect(reducer(state, { type: 'focus-previous' }).focused).toBe(1);
    expect(reducer(reducer(state, { type: 'focus-next' }), { type: 'focus-next' }).focused).toBe(0);
    expect(reducer(state, { type: 'focus-index', index: 5 })).toBe(state);
  });

  it('lists the lessons with the progress in each, and opens the focused one', async () => {
    const opened: string[] = [];
    const app = render(<LessonPicker lessons={lessons} onSelect={(id) => opened.push(id)} onQuit={() => undefined} isActive />);
    expect(app.lastFrame()).toMatchInlineSnapshot(`
      "Choose a lesson

      › 1. Resume tokens  resume-tokens · 4 steps, about 20 min · 2 of 4 steps passed
           Pick up after an interruption.
        2. Filtering events  pipelines · 3 steps, about 15 min · not started

      ↑↓ choose · Enter open · 1-9 open by number · q quit"
    `);
    await sendInputAndWaitForContent(app, KEYS.down, '› 2. Filtering events');
    app.write(KEYS.enter);
    app.write('1');
    expect(opened).toEqual(['pipelines', 'resume-tokens']);
    app.unmount();
  });

  it('quits on q', () => {
    let quit = false;
    const app = render(<LessonPicker lessons={lessons} onSelect={() => undefined} onQuit={() => (quit = true)} isActive />);
    app.write('q');
    expect(quit).toBe(true);
    app.unmount();
  });
});
