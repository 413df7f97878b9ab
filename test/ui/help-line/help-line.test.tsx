import { describe, expect, it } from 'vitest';
import { HelpLine } from '../../../src/ui/help-line/index.js';
import { render } from '../../support/ink.js';

describe('ui/help-line', () => {
  it('lists keys and what they do on one line', () => {
    const app = render(<HelpLine items={[{ key: 'Ctrl+R', label: 'run' }, { key: 'q', label: 'quit' }]} />);
    expect(app.lastFrame()).toBe('Ctrl+R run · q quit');
    app.unmount();
  });
});
