import { describe, expect, it } from 'vitest';
import { Hints } from '../../../src/ui/hints/index.js';
import { createTheme, ThemeContext } from '../../../src/ui/theme/index.js';
import { render } from '../../support/ink.js';

describe('ui/hints', () => {
  it('shows the hints asked for, numbered out of all of them', () => {
    const app = render(<Hints hints={['Use `watch()`.']} hintCount={3} passed={false} />);
    expect(app.lastFrame()).toBe('Hint 1 of 3: Use watch().');
    app.unmount();
  });

  it('says why the solution shows, and sets it apart with a bar', () => {
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <Hints hints={[]} hintCount={2} passed solution={'const a = 1;\n\nb();'} />
      </ThemeContext.Provider>,
    );
    expect(app.lastFrame()).toBe('Reference solution (you passed: compare it with yours)\n│ const a = 1;\n│\n│ b();');
    app.unmount();
  });

  it('shows nothing before the first hint', () => {
    const app = render(<Hints hints={[]} hintCount={2} passed={false} />);
    expect(app.lastFrame()).toBe('');
    app.unmount();
  });
});
