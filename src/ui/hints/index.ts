export { Hints, type HintsProps } from './hints.js';
