import { describe, expect, it } from 'vitest';
import { createDefaultState, reducer } from '../../../src/ui/step-screen/use-step-screen-state.js';

describe('ui/step-screen/use-step-screen-state', () => {
  it('starts in the editor, with or without the introduction', () => {
    expect(createDefaultState()).toEqual({ mode: 'edit', editorRevision: 0, showIntroduction: false });
    expect(createDefaultState(true).showIntroduction).toBe(true);
  });

  it('asks before moving on after a pass, and goes back to editing on a new step', () => {
    const passed = reducer(createDefaultState(true), { type: 'step-passed' });
    expect(passed.mode).toBe('passed');
    expect(reducer(passed, { type: 'step-changed' })).toEqual({ mode: 'edit', editorRevision: 0, showIntroduction: false });
  });

  it('reloads the editor with a message, which the next action clears', () => {
    const reloaded = reducer({ ...createDefaultState(), mode: 'confirm-reset-step' }, { type: 'reload-editor', message: 'reset' });
    expect(reloaded).toEqual({ mode: 'edit', editorRevision: 1, showIntroduction: false, message: 'reset' });
    expect(reducer(reloaded, { type: 'set-mode', mode: 'keys' }).message).toBeUndefined();
    expect(reducer(reloaded, { type: 'toggle-introduction' })).toEqual({ mode: 'edit', editorRevision: 1, showIntroduction: true });
  });
});
