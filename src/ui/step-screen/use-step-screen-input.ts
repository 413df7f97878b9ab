import { useCallback } from 'react';
import { useKeypress, type Keypress } from '../keys/index.js';
import type { StepScreenIntents } from './use-step-screen-state.js';

/**
 * Maps keys to the step screen's intents, by mode. Ctrl+R runs and Ctrl+O opens $EDITOR in every mode but a
 * question; while editing every other key belongs to the editor, and Esc switches to single-letter commands.
 * Moving between steps waits until a run is over, so a result never lands on the wrong step.
 */
export function useStepScreenInput(screen: StepScreenIntents, options: { isActive: boolean; running: boolean }): void {
  const { running } = options;
  const onKey = useCallback(
    (key: Keypress) => {
      const { mode } = screen.state;
      // Pasted text is code for the editor, never a string of commands.
      if (key.paste && mode !== 'edit') return undefined;
      if (mode === 'confirm-solution' || mode === 'confirm-reset-step' || mode === 'confirm-reset-lesson') {
        if (key.text === 'y' || key.text === 'Y') return screen.confirm();
        if (key.text === 'n' || key.text === 'N' || key.name === 'escape') return screen.cancel();
        return undefined;
      }
      if (key.ctrl && key.name === 'r') return screen.run();
      if (key.ctrl && key.name === 'o') return screen.editExternally();
      if (mode === 'edit') return key.name === 'escape' ? screen.keys() : undefined;
      if (mode === 'passed') {
        if (key.name === 'return' || key.text === 'n') return running ? undefined : screen.next();
        if (key.text === 'e' || key.name === 'escape') return screen.edit();
        if (key.text === 's') return screen.solution();
        if (key.text === 'q') return screen.quit();
        return undefined;
      }
      // Single-letter commands.
      if (key.name === 'return' || key.name === 'escape' || key.text === 'e') return screen.edit();
      if (key.text === 'q') return screen.quit();
      if (key.text === 'r') return screen.run();
      if (key.text === 'o') return screen.editExternally();
      if (key.text === 'h') return screen.hint();
      if (key.text === 's') return screen.solution();
      if (key.text === 'i') return screen.toggleIntroduction();
      if (running) return undefined;
      if (key.text === 'n') return screen.next();
      if (key.text === 'p') return screen.previous();
      if (/^[1-9]$/.test(key.text)) return screen.jump(Number(key.text) - 1);
      if (key.text === 'x') return screen.askResetStep();
      if (key.text === 'X') return screen.askResetLesson();
      if (key.text === 'l') return screen.lessons?.();
      return undefined;
    },
    [screen, running],
  );
  useKeypress(onKey, { isActive: options.isActive });
}
