import { describe, expect, it } from 'vitest';
import { parseKey, parseKeys } from '../../../src/ui/keys/parse-key.js';

describe('ui/keys/parse-key', () => {
  it.each([
    ['\r', { name: 'return' }],
    ['\n', { name: 'return' }],
    ['\x7f', { name: 'backspace' }],
    ['\b', { name: 'backspace' }],
    ['\x1b[3~', { name: 'delete' }],
    ['\x1b', { name: 'escape' }],
    ['\t', { name: 'tab', shift: false }],
    ['\x1b[Z', { name: 'tab', shift: true }],
    ['\x1b[A', { name: 'up' }],
    ['\x1bOB', { name: 'down' }],
    ['\x1b[C', { name: 'right' }],
    ['\x1b[D', { name: 'left' }],
    ['\x1b[H', { name: 'home' }],
    ['\x1b[1~', { name: 'home' }],
    ['\x1b[F', { name: 'end' }],
    ['\x1b[4~', { name: 'end' }],
    ['\x1b[1;5H', { name: 'home', ctrl: true }],
    ['\x1b[1;2A', { name: 'up', shift: true }],
    ['\x1b[5~', { name: 'pageup' }],
    ['\x12', { name: 'r', ctrl: true, text: '' }],
    ['\x03', { name: 'c', ctrl: true }],
    ['\x0f', { name: 'o', ctrl: true }],
    ['\x1bb', { name: 'b', meta: true }],
    ['x', { name: '', text: 'x', paste: false }],
    ['é', { name: '', text: 'é', paste: false }],
    ['😀', { name: '', text: '😀', paste: false }],
  ])('%j', (raw, expected) => {
    expect(parseKey(raw)).toMatchObject(expected);
  });

  it('reads a chunk of text with line breaks as a paste, with \\n breaks', () => {
    expect(parseKey('a\rb\r\nc')).toMatchObject({ text: 'a\nb\nc', paste: true, name: '' });
  });

  it('splits keys that arrived together: control keys one by one, text runs whole', () => {
    expect(parseKeys('\x7f\x7fab\x12').map((k) => [k.name, k.text, k.paste])).toEqual([
      ['backspace', '', false],
      ['backspace', '', false],
      ['', 'ab', true],
      ['r', '', false],
    ]);
    expect(parseKeys('x\ry').map((k) => k.name || k.text)).toEqual(['x', 'return', 'y']);
  });

  it('keeps a chunk inside a bracketed paste whole, line breaks as text', () => {
    expect(parseKeys('a\rb\tc', true)).toEqual([expect.objectContaining({ text: 'a\nb\tc', paste: true })]);
  });

  it('reads everything between the bracketed-paste markers as text', () => {
    expect(parseKey('\x1b[200~')).toMatchObject({ name: 'paste-start' });
    expect(parseKey('\r', true)).toMatchObject({ text: '\n', paste: true, name: '' });
    expect(parseKey('\x1b[201~', true)).toMatchObject({ name: 'paste-end' });
  });
});
