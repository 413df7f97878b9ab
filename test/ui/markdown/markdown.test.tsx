import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/ui/markdown/index.js';
import { createTheme, ThemeContext } from '../../../src/ui/theme/index.js';
import { render } from '../../support/ink.js';

describe('ui/markdown/markdown', () => {
  it('sets code apart without colour: backticks for spans, a bar for blocks', () => {
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <Markdown source={'Call `watch()` on **orders**:\n\n```js\nconst s = db.orders.watch();\n```\n\n1. first\n2. second'} />
      </ThemeContext.Provider>,
    );
    expect(app.lastFrame()).toBe('Call `watch()` on orders:\n\n│ const s = db.orders.watch();\n\n  1. first\n  2. second');
    app.unmount();
  });
});
