export { HelpLine, type HelpItem } from './help-line.js';
