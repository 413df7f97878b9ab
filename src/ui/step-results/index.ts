export { checkParts, type CheckParts } from './check-line.js';
export { StepResults, type StepResultsProps } from './step-results.js';
