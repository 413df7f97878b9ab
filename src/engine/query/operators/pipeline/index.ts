export * from './match.js';
export * from './project.js';
export * from './sort.js';
