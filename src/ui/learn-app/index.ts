export { LearnApp, type LearnAppProps } from './learn-app.js';
export { useLearnAppInput } from './use-learn-app-input.js';
export { createDefaultState, reducer, useLearnAppState, type LearnAppAction, type LearnAppState } from './use-learn-app-state.js';
