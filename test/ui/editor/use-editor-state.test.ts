import { describe, expect, it } from 'vitest';
import { createDefaultState, editorText, reducer, type EditorAction, type EditorState } from '../../../src/ui/editor/use-editor-state.js';

/** Applies actions in order. */
function apply(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(reducer, state);
}

/** The text with `|` at the cursor, which makes expectations readable. */
function show(state: EditorState): string {
  return state.lines.map((line, i) => (i === state.line ? `${line.slice(0, state.column)}|${line.slice(state.column)}` : line)).join('\n');
}

const at = (text: string): EditorState => {
  const [before, after] = text.split('|') as [string, string];
  const state = createDefaultState(before);
  return { ...createDefaultState(before + after), line: state.line, column: state.column };
};

describe('ui/editor/use-editor-state', () => {
  it('starts with the cursor at the end of the text', () => {
    expect(show(createDefaultState('a\nbc'))).toBe('a\nbc|');
    expect(show(createDefaultState())).toBe('|');
  });

  it.each<[string, string, EditorAction, string]>([
    ['types a character', 'ab|c', { type: 'insert', text: 'x' }, 'abx|c'],
    ['Enter splits the line', 'ab|c', { type: 'insert', text: '\n' }, 'ab\n|c'],
    ['pastes several lines at once', 'a|z', { type: 'insert', text: 'b\nc\nd' }, 'ab\nc\nd|z'],
    ['turns pasted CR LF into line breaks', '|', { type: 'insert', text: 'x\r\ny\rz' }, 'x\ny\nz|'],
    ['backspace deletes before the cursor', 'ab|c', { type: 'delete-backward' }, 'a|c'],
    ['backspace at a line start joins it to the line above', 'ab\n|cd', { type: 'delete-backward' }, 'ab|cd'],
    ['backspace at the very start does nothing', '|ab', { type: 'delete-backward' }, '|ab'],
    ['delete removes the character under the cursor', 'a|bc', { type: 'delete-forward' }, 'a|c'],
    ['delete at a line end joins the next line', 'ab|\ncd', { type: 'delete-forward' }, 'ab|cd'],
    ['delete at the very end does nothing', 'ab|', { type: 'delete-forward' }, 'ab|'],
    ['Ctrl+K deletes the line', 'a\nb|c\nd', { type: 'delete-line' }, 'a\n|d'],
    ['Ctrl+K on the last line moves up', 'a\nb|c', { type: 'delete-line' }, '|a'],
    ['Ctrl+K on the only line empties it', 'a|bc', { type: 'delete-line' }, '|'],
    ['left moves back one character', 'ab|', { type: 'move-left' }, 'a|b'],
    ['left at a line start goes to the end of the line above', 'ab\n|c', { type: 'move-left' }, 'ab|\nc'],
    ['right at a line end goes to the start of the next line', 'ab|\nc', { type: 'move-right' }, 'ab\n|c'],
    ['right at the very end stays', 'ab|', { type: 'move-right' }, 'ab|'],
    ['up keeps the column', 'abc\nde|f', { type: 'move-up' }, 'ab|c\ndef'],
    ['up on a shorter line goes to its end', 'a\nxyz|', { type: 'move-up' }, 'a|\nxyz'],
    ['up on the first line goes to the start', 'ab|c', { type: 'move-up' }, '|abc'],
    ['down on the last line goes to the end', 'a|bc', { type: 'move-down' }, 'abc|'],
    ['home goes to the line start', 'x\nab|c', { type: 'move-line-start' }, 'x\n|abc'],
    ['end goes to the line end', 'a|bc\nx', { type: 'move-line-end' }, 'abc|\nx'],
    ['moves to the text start', 'ab\ncd|', { type: 'move-text-start' }, '|ab\ncd'],
    ['moves to the text end', '|ab\ncd', { type: 'move-text-end' }, 'ab\ncd|'],
    ['replaces the whole text', 'a|b', { type: 'set-text', text: 'x\ny' }, 'x\ny|'],
    ['treats a surrogate pair as one character', 'a😀|', { type: 'delete-backward' }, 'a|'],
  ])('%s', (_name, before, action, after) => {
    expect(show(reducer(at(before), action))).toBe(after);
  });

  it('keeps the goal column across a shorter line', () => {
    const state = apply(at('abcdef\nab\nabcd|ef'), { type: 'move-up' }, { type: 'move-up' });
    expect(show(state)).toBe('abcd|ef\nab\nabcdef');
  });

  it('forgets the goal column after a horizontal move', () => {
    const state = apply(at('abcdef\nab\nabcd|ef'), { type: 'move-up' }, { type: 'move-left' }, { type: 'move-up' });
    expect(show(state)).toBe('a|bcdef\nab\nabcdef');
  });

  it('gives back the text with line breaks', () => {
    expect(editorText(apply(createDefaultState(), { type: 'insert', text: 'let x = 1;\nx' }))).toBe('let x = 1;\nx');
  });
});
