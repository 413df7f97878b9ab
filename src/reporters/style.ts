/** ANSI styles for human output; every function returns the text unchanged when colour is off. */
export interface Style {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/** The styles, coloured or plain. Colour is decided by the caller (--no-color, NO_COLOR, a terminal or not). */
export function style(color: boolean): Style {
  const paint = (open: number, close: number) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { green: paint(32, 39), red: paint(31, 39), yellow: paint(33, 39), dim: paint(2, 22), bold: paint(1, 22) };
}
