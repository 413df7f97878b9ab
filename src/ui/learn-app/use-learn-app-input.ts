import { useCallback } from 'react';
import { useKeypress, type Keypress } from '../keys/index.js';

/** Ctrl+C quits from anywhere, whatever has the keys; the app renders without Ink's own Ctrl+C exit. */
export function useLearnAppInput(intents: { quit: () => void }): void {
  const onKey = useCallback(
    (key: Keypress) => {
      if (key.ctrl && key.name === 'c') intents.quit();
    },
    [intents],
  );
  useKeypress(onKey);
}
