export * from './max.js';
export * from './min.js';
