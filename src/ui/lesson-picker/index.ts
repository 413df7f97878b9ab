export { LessonPicker, type LessonPickerProps } from './lesson-picker.js';
export { useLessonPickerInput, type LessonPickerCallbacks } from './use-lesson-picker-input.js';
export { createDefaultState, reducer, useLessonPickerState, type LessonPickerAction, type LessonPickerIntents, type LessonPickerState } from './use-lesson-picker-state.js';
