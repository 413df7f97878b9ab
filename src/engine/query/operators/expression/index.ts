export * from './cmp.js';
export * from './eq.js';
export * from './gt.js';
export * from './gte.js';
export * from './lt.js';
export * from './lte.js';
export * from './ne.js';
