export { Timeline, type TimelineProps } from './timeline.js';
