export { StepScreen, type StepScreenProps } from './step-screen.js';
export { useStepScreenInput } from './use-step-screen-input.js';
export {
  createDefaultState,
  reducer,
  useStepScreenState,
  type StepContext,
  type StepScreenAction,
  type StepScreenCallbacks,
  type StepScreenIntents,
  type StepScreenMode,
  type StepScreenState,
} from './use-step-screen-state.js';
