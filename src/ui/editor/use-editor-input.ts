import { useCallback } from 'react';
import { useKeypress, type Keypress } from '../keys/index.js';
import type { EditorIntents } from './use-editor-state.js';

/** Spaces a Tab inserts: snippets are indented by two, like the lesson's code. */
const TAB = '  ';

/**
 * Maps keys to editor intents: text and pastes insert, Enter starts a line, arrows, Home and End (also Ctrl+A and
 * Ctrl+E) move, Backspace and Delete delete, Ctrl+K deletes the line. Other Ctrl keys and Esc are left to the screen around the editor.
 */
export function useEditorInput(editor: EditorIntents, options: { isActive: boolean }): void {
  const onKey = useCallback(
    (key: Keypress) => {
      if (key.text !== '' && !key.ctrl && !key.meta) return editor.insert(key.text);
      switch (key.name) {
        case 'return':
          return editor.insert('\n');
        case 'tab':
          return key.shift ? undefined : editor.insert(TAB);
        case 'backspace':
          return editor.deleteBackward();
        case 'delete':
          return editor.deleteForward();
        case 'left':
          return editor.moveLeft();
        case 'right':
          return editor.moveRight();
        case 'up':
          return editor.moveUp();
        case 'down':
          return editor.moveDown();
        case 'home':
          return key.ctrl ? editor.moveTextStart() : editor.moveLineStart();
        case 'end':
          return key.ctrl ? editor.moveTextEnd() : editor.moveLineEnd();
        case 'pageup':
          return editor.moveTextStart();
        case 'pagedown':
          return editor.moveTextEnd();
        case 'a':
          return key.ctrl ? editor.moveLineStart() : undefined;
        case 'e':
          return key.ctrl ? editor.moveLineEnd() : undefined;
        case 'k':
          return key.ctrl ? editor.deleteLine() : undefined;
        default:
          return undefined;
      }
    },
    [editor],
  );
  useKeypress(onKey, { isActive: options.isActive });
}
