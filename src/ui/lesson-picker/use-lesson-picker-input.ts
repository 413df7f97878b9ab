import { useCallback } from 'react';
import { useKeypress, type Keypress } from '../keys/index.js';
import type { LessonPickerIntents } from './use-lesson-picker-state.js';

/** What the picker's keys ask for besides moving the focus. */
export interface LessonPickerCallbacks {
  /** Open the lesson at this index. */
  readonly onSelect: (index: number) => void;
  readonly onQuit: () => void;
}

/** Up and Down (or k and j) move, Enter opens the focused lesson, a digit opens that lesson, q or Esc quits. */
export function useLessonPickerInput(picker: LessonPickerIntents, callbacks: LessonPickerCallbacks, options: { isActive: boolean }): void {
  const onKey = useCallback(
    (key: Keypress) => {
      if (key.paste) return undefined;
      if (key.name === 'up' || key.text === 'k') return picker.focusPrevious();
      if (key.name === 'down' || key.text === 'j') return picker.focusNext();
      if (key.name === 'return') return callbacks.onSelect(picker.state.focused);
      if (key.name === 'escape' || key.text === 'q') return callbacks.onQuit();
      if (/^[1-9]$/.test(key.text) && Number(key.text) <= picker.state.count) return callbacks.onSelect(Number(key.text) - 1);
      return undefined;
    },
    [picker, callbacks],
  );
  useKeypress(onKey, { isActive: options.isActive });
}
