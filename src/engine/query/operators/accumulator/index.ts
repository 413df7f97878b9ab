export * from './max.js';
export * from './min.js';
export * from './sum.js';
