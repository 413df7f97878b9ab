import { describe, expect, it } from 'vitest';
import { isInteractive, nonInteractiveReason } from '../../src/core/interactive.js';

const tty = { stdin: { isTTY: true }, stdout: { isTTY: true } };

describe('core/interactive', () => {
  it.each([
    ['a terminal on both ends', tty, {}, undefined],
    ['CI set', tty, { CI: 'true' }, 'CI is set'],
    ['CI set to anything', tty, { CI: 'woodpecker' }, 'CI is set'],
    ['CONTINUOUS_INTEGRATION set', tty, { CONTINUOUS_INTEGRATION: '1' }, 'CI is set'],
    ['CI=false', tty, { CI: 'false' }, undefined],
    ['TERM=dumb', tty, { TERM: 'dumb' }, 'TERM is dumb'],
    ['piped input', { stdin: {}, stdout: { isTTY: true } }, {}, 'standard input is not a terminal'],
    ['piped output', { stdin: { isTTY: true }, stdout: { isTTY: false } }, {}, 'standard output is not a terminal'],
  ])('%s', (_name, streams, env, reason) => {
    expect(nonInteractiveReason(streams, env)).toBe(reason);
    expect(isInteractive(streams, env)).toBe(reason === undefined);
  });
});
