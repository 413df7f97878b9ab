import { describe, expect, it } from 'vitest';
import { StatusLine } from '../../../src/ui/status-line/index.js';
import { render } from '../../support/ink.js';

describe('ui/status-line', () => {
  it.each([
    [{ state: 'starting', kind: 'embedded' }, { state: 'starting' }, '◌ database: starting (embedded)…'],
    [{ state: 'ready', kind: 'embedded', uri: 'mongodb://127.0.0.1:4242/?replicaSet=rs0' }, { state: 'starting' }, '● database: embedded, ready at mongodb://127.0.0.1:4242/?replicaSet=rs0 (sandbox starting…)'],
    [{ state: 'ready', kind: 'uri', uri: 'mongodb://db:27017/?replicaSet=rs' }, { state: 'ready' }, '● database: uri, ready at mongodb://db:27017/?replicaSet=rs'],
    [{ state: 'stopped' }, { state: 'ready' }, '○ database: stopped'],
    [{ state: 'ready', kind: 'embedded', uri: 'u' }, { state: 'failed', message: 'the sandbox could not start' }, '✗ sandbox: the sandbox could not start'],
  ] as const)('%j with the sandbox %j', (target, sandbox, text) => {
    const app = render(<StatusLine target={target} sandbox={sandbox} />);
    expect(app.lastFrame()).toBe(text);
    app.unmount();
  });

  it('shows a target that failed with the reason and what to do', () => {
    const app = render(
      <StatusLine target={{ state: 'failed', message: 'the uri target could not start: connection refused', hint: 'check that the replica set is running' }} sandbox={{ state: 'ready' }} />,
    );
    expect(app.lastFrame()).toBe('✗ database: the uri target could not start: connection refused\n  what to do: check that the replica set is running');
    app.unmount();
  });
});
