/**
 * Turns one input event, as Ink's input parser splits stdin (a key's escape sequence, a typed character, or a chunk
 * of pasted text), into a Keypress. Ink 6's own `Key` reports Backspace and Delete alike and turns a pasted line break
 * into text that looks like Enter, so the editor reads the raw sequence instead.
 */

/** Keys with a name; letters are named only with Ctrl. */
export type KeyName =
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'paste-start'
  | 'paste-end'
  | 'unknown';

/** One key press, or one paste. */
export interface Keypress {
  /** Text to insert: a typed character, or pasted text with `\n` line breaks; '' for a key that types nothing. */
  readonly text: string;
  /** The key's name; for Ctrl+letter the letter (`'r'` for Ctrl+R); '' for plain text. */
  readonly name: KeyName | string;
  readonly ctrl: boolean;
  /** Alt (Option) was held, or Esc came first. */
  readonly meta: boolean;
  readonly shift: boolean;
  /** The text came from a paste, so its line breaks are text, not Enter. */
  readonly paste: boolean;
}

const CSI_LETTERS: Readonly<Record<string, KeyName>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_NUMBERS: Readonly<Record<string, KeyName>> = {
  '1': 'home',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
  '200': 'paste-start',
  '201': 'paste-end',
};

const plain = { text: '', ctrl: false, meta: false, shift: false, paste: false } as const;

/** Line breaks of pasted text as `\n`: terminals send a pasted newline as `\r`. */
function normalizeBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The key presses of one input event. `pasting` is true between the bracketed-paste markers, where everything is
 * text. Outside a paste, a chunk without escape sequences may still hold several keys, because keys typed (or sent)
 * faster than the app reads arrive together: each control character is a key of its own, and each run of printable
 * characters is text (a paste, when it is longer than one character).
 */
export function parseKeys(raw: string, pasting = false): Keypress[] {
  if (pasting || raw.startsWith('\x1b')) return [parseKey(raw, pasting)];
  return (raw.match(/[\x00-\x1f\x7f]|[^\x00-\x1f\x7f]+/g) ?? []).map((part) => parseKey(part));
}

/** The Keypress of one key's sequence, or of one run of text. */
export function parseKey(raw: string, pasting = false): Keypress {
  if (raw === '\x1b[201~') return { ...plain, name: 'paste-end' };
  if (pasting) return { ...plain, name: '', text: normalizeBreaks(raw.replace(/\x1b/g, '')), paste: true };
  switch (raw) {
    case '\r':
      return { ...plain, name: 'return' };
    case '\n':
      // Ctrl+J, or Enter on a terminal that sends line feeds: a line break either way.
      return { ...plain, name: 'return' };
    case '\t':
      return { ...plain, name: 'tab' };
    case '\x1b[Z':
      return { ...plain, name: 'tab', shift: true };
    case '\x7f':
    case '\b':
      return { ...plain, name: 'backspace' };
    case '\x1b\x7f':
    case '\x1b\b':
      return { ...plain, name: 'backspace', meta: true };
    case '\x1b':
      return { ...plain, name: 'escape' };
    case '\x1b\x1b':
      return { ...plain, name: 'escape', meta: true };
  }
  const csi = /^\x1b(?:\[|O)(?:(\d+)(?:;(\d+))?)?([~A-Za-z])$/.exec(raw);
  if (csi !== null) {
    const [, number, modifiers, final] = csi;
    const name = final === '~' ? CSI_NUMBERS[number ?? ''] : CSI_LETTERS[final!];
    // xterm encodes modifiers as 1 + (shift 1 | alt 2 | ctrl 4).
    const bits = modifiers === undefined ? 0 : Number(modifiers) - 1;
    return { ...plain, name: name ?? 'unknown', shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
  }
  if (raw.length === 1 && raw < ' ') {
    // Ctrl+A is 0x01 ... Ctrl+Z is 0x1a; the others (Ctrl+\, Ctrl+]) have no letter.
    const code = raw.charCodeAt(0);
    return { ...plain, name: code >= 1 && code <= 26 ? String.fromCharCode(code + 96) : 'unknown', ctrl: true };
  }
  if (raw.startsWith('\x1b')) {
    const rest = raw.slice(1);
    // Alt+letter arrives as Esc and the letter.
    if ([...rest].length === 1 && rest >= ' ') return { ...plain, name: rest.toLowerCase(), meta: true, shift: rest !== rest.toLowerCase() };
    return { ...plain, name: 'unknown' };
  }
  // Typed text is one character; anything longer arrived at once, as a paste does.
  return { ...plain, name: '', text: normalizeBreaks(raw), paste: [...raw].length > 1 };
}
