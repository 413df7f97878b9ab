export { Editor, EditorView, firstVisibleLine, type EditorProps } from './editor.js';
export { useEditorInput } from './use-editor-input.js';
export { createDefaultState, editorText, reducer, useEditorState, type EditorAction, type EditorIntents, type EditorState } from './use-editor-state.js';
