import { useCallback, useMemo, useRef, useState } from 'react';

/**
 * The multi-line editor's state as pure data: the lines and the cursor. Every edit is an Action through `reducer`,
 * so cursor moves, typing, deleting and pasting are tested without a terminal.
 */

/** The text being edited and where the cursor is. */
export interface EditorState {
  /** The text, one entry per line, without line breaks; never empty (an empty text is one empty line). */
  readonly lines: readonly string[];
  /** 0-based index of the cursor's line. */
  readonly line: number;
  /** 0-based position of the cursor in its line, in UTF-16 units, from 0 to the line's length. */
  readonly column: number;
  /** The column up and down aim for, so a pass over a short line does not lose it. */
  readonly goalColumn?: number;
}

/** Everything the editor can do. */
export type EditorAction =
  /** Inserts text at the cursor; `\n` starts a new line, so a multi-line paste is one action. */
  | { readonly type: 'insert'; readonly text: string }
  /** Backspace: the character before the cursor, or joins the line to the previous one. */
  | { readonly type: 'delete-backward' }
  /** Delete: the character under the cursor, or joins the next line to this one. */
  | { readonly type: 'delete-forward' }
  /** Ctrl+K: the whole line, so a starter's placeholder line goes in one key. */
  | { readonly type: 'delete-line' }
  | { readonly type: 'move-left' }
  | { readonly type: 'move-right' }
  | { readonly type: 'move-up' }
  | { readonly type: 'move-down' }
  | { readonly type: 'move-line-start' }
  | { readonly type: 'move-line-end' }
  | { readonly type: 'move-text-start' }
  | { readonly type: 'move-text-end' }
  /** Replaces the whole text; the cursor goes to its end. */
  | { readonly type: 'set-text'; readonly text: string };

/** A state holding `text` with the cursor at its end. */
export function createDefaultState(text = ''): EditorState {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const line = lines.length - 1;
  return { lines, line, column: lines[line]!.length };
}

/** The text of a state, lines joined with `\n`. */
export function editorText(state: EditorState): string {
  return state.lines.join('\n');
}

/** The position one character before `column` (a surrogate pair is one character). */
function before(text: string, column: number): number {
  if (column <= 0) return 0;
  const low = text.charCodeAt(column - 1);
  return column >= 2 && low >= 0xdc00 && low <= 0xdfff ? column - 2 : column - 1;
}

/** The position one character after `column`. */
function after(text: string, column: number): number {
  if (column >= text.length) return text.length;
  const high = text.charCodeAt(column);
  return high >= 0xd800 && high <= 0xdbff && column + 1 < text.length ? column + 2 : column + 1;
}

/** A state with the cursor at (line, column); horizontal moves drop the goal column. */
function at(state: EditorState, line: number, column: number, goalColumn?: number): EditorState {
  return { lines: state.lines, line, column, ...(goalColumn === undefined ? {} : { goalColumn }) };
}

/** The next state after an action. */
export function reducer(state: EditorState, action: EditorAction): EditorState {
  const { lines, line, column } = state;
  const current = lines[line]!;
  switch (action.type) {
    case 'insert': {
      const inserted = action.text.replace(/\r\n?/g, '\n').split('\n');
      const head = current.slice(0, column);
      const tail = current.slice(column);
      const last = inserted.length - 1;
      const middle = inserted.map((part, i) => (i === 0 ? head : '') + part + (i === last ? tail : ''));
      return {
        lines: [...lines.slice(0, line), ...middle, ...lines.slice(line + 1)],
        line: line + last,
        column: (last === 0 ? head.length : 0) + inserted[last]!.length,
      };
    }
    case 'delete-backward': {
      if (column > 0) {
        const start = before(current, column);
        const lineText = current.slice(0, start) + current.slice(column);
        return { lines: lines.with(line, lineText), line, column: start };
      }
      if (line === 0) return state;
      const previous = lines[line - 1]!;
      return { lines: [...lines.slice(0, line - 1), previous + current, ...lines.slice(line + 1)], line: line - 1, column: previous.length };
    }
    case 'delete-forward': {
      if (column < current.length) {
        return { lines: lines.with(line, current.slice(0, column) + current.slice(after(current, column))), line, column };
      }
      if (line === lines.length - 1) return state;
      return { lines: [...lines.slice(0, line), current + lines[line + 1]!, ...lines.slice(line + 2)], line, column };
    }
    case 'delete-line': {
      if (lines.length === 1) return { lines: [''], line: 0, column: 0 };
      const rest = [...lines.slice(0, line), ...lines.slice(line + 1)];
      return { lines: rest, line: Math.min(line, rest.length - 1), column: 0 };
    }
    case 'move-left':
      if (column > 0) return at(state, line, before(current, column));
      return line > 0 ? at(state, line - 1, lines[line - 1]!.length) : at(state, line, column);
    case 'move-right':
      if (column < current.length) return at(state, line, after(current, column));
      return line < lines.length - 1 ? at(state, line + 1, 0) : at(state, line, column);
    case 'move-up':
    case 'move-down': {
      const target = action.type === 'move-up' ? line - 1 : line + 1;
      if (target < 0) return at(state, 0, 0);
      if (target >= lines.length) return at(state, line, current.length);
      const goal = state.goalColumn ?? column;
      return at(state, target, Math.min(goal, lines[target]!.length), goal);
    }
    case 'move-line-start':
      return at(state, line, 0);
    case 'move-line-end':
      return at(state, line, current.length);
    case 'move-text-start':
      return at(state, 0, 0);
    case 'move-text-end':
      return at(state, lines.length - 1, lines[lines.length - 1]!.length);
    case 'set-text':
      return createDefaultState(action.text);
  }
}

/** The editor's state and its intents; `onChange` hears the text after every edit that changed it. */
export function useEditorState(initialText: string, onChange?: (text: string) => void) {
  const [state, setState] = useState(() => createDefaultState(initialText));
  // The ref is the source of truth between renders, so a run key pressed right after a keystroke reads the new text.
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: EditorAction) => {
      const previous = latest.current;
      const next = reducer(previous, action);
      latest.current = next;
      setState(next);
      if (next.lines !== previous.lines) onChange?.(editorText(next));
    },
    [onChange],
  );
  return useMemo(
    () => ({
      state,
      insert: (text: string) => dispatch({ type: 'insert', text }),
      deleteBackward: () => dispatch({ type: 'delete-backward' }),
      deleteForward: () => dispatch({ type: 'delete-forward' }),
      deleteLine: () => dispatch({ type: 'delete-line' }),
      moveLeft: () => dispatch({ type: 'move-left' }),
      moveRight: () => dispatch({ type: 'move-right' }),
      moveUp: () => dispatch({ type: 'move-up' }),
      moveDown: () => dispatch({ type: 'move-down' }),
      moveLineStart: () => dispatch({ type: 'move-line-start' }),
      moveLineEnd: () => dispatch({ type: 'move-line-end' }),
      moveTextStart: () => dispatch({ type: 'move-text-start' }),
      moveTextEnd: () => dispatch({ type: 'move-text-end' }),
      setText: (text: string) => dispatch({ type: 'set-text', text }),
    }),
    [state, dispatch],
  );
}

/** What useEditorState returns. */
export type EditorIntents = ReturnType<typeof useEditorState>;
