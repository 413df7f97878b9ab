import { createContext, useContext } from 'react';

/**
 * The app's colours by role, and whether to use them at all: with NO_COLOR or --no-color every component still says
 * the same thing in words and symbols, only without colour.
 */

/** A colour role. */
export type Tone = 'success' | 'failure' | 'warning' | 'accent' | 'code' | 'muted';

const COLORS: Readonly<Record<Tone, string>> = {
  success: 'green',
  failure: 'red',
  warning: 'yellow',
  accent: 'cyan',
  code: 'cyan',
  muted: 'gray',
};

/** What components read from the theme. */
export interface Theme {
  /** False when colour is off (NO_COLOR, --no-color). */
  readonly color: boolean;
  /** The `color` prop for a role: undefined when colour is off. */
  tone(tone: Tone): string | undefined;
}

/** A theme with colour on or off. */
export function createTheme(color: boolean): Theme {
  return { color, tone: (tone) => (color ? COLORS[tone] : undefined) };
}

/** The theme of the tree below; colour is on unless a provider says otherwise. */
export const ThemeContext = createContext<Theme>(createTheme(true));

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
