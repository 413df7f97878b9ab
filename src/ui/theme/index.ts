export { createTheme, ThemeContext, useTheme, type Theme, type Tone } from './theme.js';
