import { useMemo, useReducer } from 'react';

/** Which screen the app shows. */
export interface LearnAppState {
  /** picker: the lesson list; lesson: the steps of `lessonId`. */
  readonly screen: 'picker' | 'lesson';
  /** The lesson chosen (or named on the command line). */
  readonly lessonId?: string;
}

/** What the app's screens can switch to. */
export type LearnAppAction = { readonly type: 'choose-lesson'; readonly id: string } | { readonly type: 'back-to-picker' };

/** The named lesson's steps when there is one, else the picker. */
export function createDefaultState(lessonId?: string): LearnAppState {
  return lessonId === undefined ? { screen: 'picker' } : { screen: 'lesson', lessonId };
}

/** The next state. */
export function reducer(state: LearnAppState, action: LearnAppAction): LearnAppState {
  switch (action.type) {
    case 'choose-lesson':
      return { screen: 'lesson', lessonId: action.id };
    case 'back-to-picker':
      return { ...state, screen: 'picker' };
  }
}

/** The app's screen and its intents. */
export function useLearnAppState(lessonId?: string) {
  const [state, dispatch] = useReducer(reducer, lessonId, createDefaultState);
  return useMemo(
    () => ({
      state,
      chooseLesson: (id: string) => dispatch({ type: 'choose-lesson', id }),
      backToPicker: () => dispatch({ type: 'back-to-picker' }),
    }),
    [state],
  );
}
