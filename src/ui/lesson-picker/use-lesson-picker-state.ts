import { useMemo, useReducer } from 'react';

/** Which lesson of the list has the focus. */
export interface LessonPickerState {
  /** 0-based index of the focused lesson. */
  readonly focused: number;
  /** How many lessons there are. */
  readonly count: number;
}

/** What the picker can do. */
export type LessonPickerAction =
  | { readonly type: 'focus-next' }
  | { readonly type: 'focus-previous' }
  | { readonly type: 'focus-index'; readonly index: number };

/** The first lesson focused, or `focused` when it is in the list. */
export function createDefaultState(count: number, focused = 0): LessonPickerState {
  return { count, focused: focused >= 0 && focused < count ? focused : 0 };
}

/** The next state; focus wraps around the ends. */
export function reducer(state: LessonPickerState, action: LessonPickerAction): LessonPickerState {
  if (state.count === 0) return state;
  switch (action.type) {
    case 'focus-next':
      return { ...state, focused: (state.focused + 1) % state.count };
    case 'focus-previous':
      return { ...state, focused: (state.focused - 1 + state.count) % state.count };
    case 'focus-index':
      return action.index >= 0 && action.index < state.count ? { ...state, focused: action.index } : state;
  }
}

/** The picker's state and its intents. */
export function useLessonPickerState(count: number, initial = 0) {
  const [state, dispatch] = useReducer(reducer, createDefaultState(count, initial));
  return useMemo(
    () => ({
      state,
      focusNext: () => dispatch({ type: 'focus-next' }),
      focusPrevious: () => dispatch({ type: 'focus-previous' }),
      focusIndex: (index: number) => dispatch({ type: 'focus-index', index }),
    }),
    [state],
  );
}

/** What useLessonPickerState returns. */
export type LessonPickerIntents = ReturnType<typeof useLessonPickerState>;
