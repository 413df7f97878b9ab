import { describe, expect, it } from 'vitest';
import { Editor } from '../../../src/ui/editor/index.js';
import { createTheme, ThemeContext } from '../../../src/ui/theme/index.js';
import { KEYS, render, sendInputAndWaitForChange, waitForContent } from '../../support/ink.js';

/** An editor without colour, so that the cursor shows as a bar in the unstyled frame. */
function renderEditor(initialText: string, changes: string[] = []) {
  return render(
    <ThemeContext.Provider value={createTheme(false)}>
      <Editor initialText={initialText} onChange={(text) => changes.push(text)} isActive title="Your code" height={4} />
    </ThemeContext.Provider>,
  );
}

/** The editor's lines as shown: the text between the borders, without the line numbers. */
function shownLines(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => /^│ +\d+ /.test(line))
    .map((line) => line.replace(/^│ +\d+ /, '').replace(/ *│$/, ''));
}

describe('ui/editor/editor', () => {
  it('shows the text with line numbers and the cursor at its end', () => {
    const app = renderEditor('let a = 1;\nlet b;');
    expect(app.lastFrame()).toMatchInlineSnapshot(`
      "╭──────────────────────────────────────────────────────────────────────────────────────────────────╮
      │ Your code                                                                                        │
      │ 1 let a = 1;                                                                                     │
      │ 2 let b;▏                                                                                        │
      ╰──────────────────────────────────────────────────────────────────────────────────────────────────╯"
    `);
    app.unmount();
  });

  it('types, moves with arrows, Home and End, and deletes both ways', async () => {
    const changes: string[] = [];
    const app = renderEditor('ac', changes);
    await sendInputAndWaitForChange(app, KEYS.left);
    await sendInputAndWaitForChange(app, 'b');
    expect(shownLines(app.lastFrame())).toEqual(['ab▏c']);
    await sendInputAndWaitForChange(app, KEYS.home);
    await sendInputAndWaitForChange(app, KEYS.delete);
    expect(shownLines(app.lastFrame())).toEqual(['▏bc']);
    await sendInputAndWaitForChange(app, KEYS.end);
    await sendInputAndWaitForChange(app, KEYS.backspace);
    expect(shownLines(app.lastFrame())).toEqual(['b▏']);
    await sendInputAndWaitForChange(app, KEYS.enter);
    await sendInputAndWaitForChange(app, 'x');
    await sendInputAndWaitForChange(app, KEYS.up);
    expect(shownLines(app.lastFrame())).toEqual(['b▏', 'x']);
    expect(changes.at(-1)).toBe('b\nx');
    app.unmount();
  });

  it('inserts a multi-line paste as text, plain or bracketed', async () => {
    const changes: string[] = [];
    const app = renderEditor('', changes);
    await sendInputAndWaitForChange(app, 'const a = 1;\rconst b = 2;');
    await sendInputAndWaitForChange(app, KEYS.paste('\rprint(a + b);'));
    expect(shownLines(app.lastFrame())).toEqual(['const a = 1;', 'const b = 2;', 'print(a + b);▏']);
    expect(changes.at(-1)).toBe('const a = 1;\nconst b = 2;\nprint(a + b);');
    app.unmount();
  });

  it('scrolls to keep the cursor in view and says how many lines are hidden', async () => {
    const app = renderEditor(['1', '2', '3', '4', '5', '6'].join('\n'));
    expect(await waitForContent(app, '(2 lines above)')).toContain('6▏');
    // Ctrl+Home: the start of the text.
    const top = await sendInputAndWaitForChange(app, '\x1b[1;5H');
    expect(shownLines(top)).toEqual(['▏1', '2', '3', '4']);
    expect(top).toContain('(2 lines below)');
    app.unmount();
  });

  it('takes no keys while inactive', async () => {
    const changes: string[] = [];
    const app = render(<Editor initialText="a" onChange={(text) => changes.push(text)} isActive={false} title="Your code" />);
    app.write('b');
    app.write(KEYS.backspace);
    expect(app.lastFrame()).toContain('1 a ');
    expect(changes).toEqual([]);
    app.unmount();
  });
});
