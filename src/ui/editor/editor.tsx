import { Box, Text } from '../ink.js';
import { useTheme } from '../theme/index.js';
import { useEditorInput } from './use-editor-input.js';
import { useEditorState, type EditorState } from './use-editor-state.js';

/** Props of Editor. */
export interface EditorProps {
  /** The text at mount; give the editor a new `key` to load another text. */
  readonly initialText: string;
  /** Hears the whole text after every change. */
  readonly onChange?: (text: string) => void;
  /** Only an active editor takes keys and shows its cursor. */
  readonly isActive: boolean;
  /** The box's title. */
  readonly title: string;
  /** Most lines shown at once; the view follows the cursor. */
  readonly height?: number;
}

/** Lines shown when no height is given: the seed lesson's longest snippet fits. */
const DEFAULT_HEIGHT = 12;

/** A multi-line code editor with line numbers, in a box. */
export function Editor({ initialText, onChange, isActive, title, height = DEFAULT_HEIGHT }: EditorProps) {
  const editor = useEditorState(initialText, onChange);
  useEditorInput(editor, { isActive });
  return <EditorView state={editor.state} focused={isActive} title={title} height={height} />;
}

/** The first line shown: the window keeps the cursor inside, near its middle when the text is long. */
export function firstVisibleLine(state: EditorState, height: number): number {
  const overflow = state.lines.length - height;
  if (overflow <= 0) return 0;
  return Math.min(Math.max(0, state.line - Math.floor(height / 2)), overflow);
}

/** The editor's box, as a view of its state. */
export function EditorView({ state, focused, title, height }: { state: EditorState; focused: boolean; title: string; height: number }) {
  const theme = useTheme();
  const first = firstVisibleLine(state, height);
  const shown = state.lines.slice(first, first + height);
  const width = String(state.lines.length).length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={focused ? theme.tone('accent') : theme.tone('muted')} paddingX={1}>
      <Text bold>
        {title}
        {first > 0 ? <Text color={theme.tone('muted')}>{`  (${first} lines above)`}</Text> : null}
      </Text>
      {shown.map((text, i) => {
        const index = first + i;
        return (
          <Box key={index}>
            <Text color={theme.tone('muted')}>{`${String(index + 1).padStart(width)} `}</Text>
            {focused && index === state.line ? <CursorLine text={text} column={state.column} /> : <Text>{text === '' ? ' ' : text}</Text>}
          </Box>
        );
      })}
      {first + height < state.lines.length ? <Text color={theme.tone('muted')}>{`(${state.lines.length - first - height} lines below)`}</Text> : null}
    </Box>
  );
}

/**
 * The cursor's line: the character under the cursor in inverse video; without colour (where styles may be off
 * altogether) a bar before it, so the cursor is always visible.
 */
function CursorLine({ text, column }: { text: string; column: number }) {
  const theme = useTheme();
  const under = text.slice(column, column + 1 + (isHighSurrogate(text.charCodeAt(column)) ? 1 : 0));
  const rest = text.slice(column + under.length);
  if (!theme.color) return <Text>{`${text.slice(0, column)}▏${under}${rest}`}</Text>;
  return (
    <Text>
      {text.slice(0, column)}
      <Text inverse>{under === '' ? ' ' : under}</Text>
      {rest}
    </Text>
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
