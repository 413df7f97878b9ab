import { useMemo, useReducer } from 'react';
import type { StepRun } from '../../core/learn-state.js';
import type { ExternalEdit } from '../../core/external-editor.js';

/**
 * The step screen's own state (the lesson's state is the session's): which keys are live, the question being asked,
 * and when the editor must reload its text.
 */

/**
 * What the keys do now. edit: they type into the editor. keys: single letters are commands. confirm-*: y or n
 * answers a question. passed: the step just passed, and the screen asks before moving on.
 */
export type StepScreenMode = 'edit' | 'keys' | 'confirm-solution' | 'confirm-reset-step' | 'confirm-reset-lesson' | 'passed';

/** The screen's state. */
export interface StepScreenState {
  readonly mode: StepScreenMode;
  /** Bumped whenever the snippet changes outside the editor (reset, $EDITOR), so that the editor loads it again. */
  readonly editorRevision: number;
  /** Whether the lesson's introduction shows above the step. */
  readonly showIntroduction: boolean;
  /** One line about the last action, until the next one. */
  readonly message?: string;
}

/** What the screen can do. */
export type StepScreenAction =
  | { readonly type: 'set-mode'; readonly mode: StepScreenMode }
  /** A run passed: stop and ask before moving on. */
  | { readonly type: 'step-passed' }
  /** Another step is shown: back to editing, without the previous step's message. */
  | { readonly type: 'step-changed' }
  | { readonly type: 'reload-editor'; readonly message?: string }
  | { readonly type: 'toggle-introduction' }
  | { readonly type: 'show-message'; readonly message: string };

/** Editing, with the introduction shown or not. */
export function createDefaultState(showIntroduction = false): StepScreenState {
  return { mode: 'edit', editorRevision: 0, showIntroduction };
}

/** The next state. */
export function reducer(state: StepScreenState, action: StepScreenAction): StepScreenState {
  const { message: _message, ...rest } = state;
  switch (action.type) {
    case 'set-mode':
      return { ...rest, mode: action.mode };
    case 'step-passed':
      return { ...rest, mode: 'passed' };
    case 'step-changed':
      return { ...rest, mode: 'edit', showIntroduction: false };
    case 'reload-editor':
      return { ...rest, mode: 'edit', editorRevision: state.editorRevision + 1, ...(action.message === undefined ? {} : { message: action.message }) };
    case 'toggle-introduction':
      return { ...rest, showIntroduction: !state.showIntroduction };
    case 'show-message':
      return { ...state, message: action.message };
  }
}

/** What the screen asks of the session (and of the terminal, for $EDITOR). */
export interface StepScreenCallbacks {
  readonly onCodeChange: (code: string) => void;
  readonly onRun: () => Promise<StepRun>;
  readonly onGoTo: (index: number) => void;
  readonly onHint: () => void;
  readonly onShowSolution: () => void;
  readonly onResetStep: () => void;
  readonly onResetLesson: () => void;
  /** Opens the snippet in the learner's editor and resolves with what came back. */
  readonly onEditExternally: (code: string) => Promise<ExternalEdit>;
  readonly onQuit: () => void;
  /** Back to the lesson list; absent when there is only one lesson. */
  readonly onLessons?: () => void;
}

/** The step being shown, as the intents need it. */
export interface StepContext {
  readonly stepIndex: number;
  readonly stepCount: number;
  readonly code: string;
  readonly hintsLeft: number;
  readonly hasSolution: boolean;
}

/** The screen's state and its intents, each one a key (or a few) of use-step-screen-input.ts. */
export function useStepScreenState(step: StepContext, callbacks: StepScreenCallbacks, showIntroduction: boolean) {
  const [state, dispatch] = useReducer(reducer, showIntroduction, createDefaultState);
  return useMemo(() => {
    const goTo = (index: number) => {
      if (index < 0 || index >= step.stepCount) return;
      callbacks.onGoTo(index);
      dispatch({ type: 'step-changed' });
    };
    const ask = (mode: StepScreenMode) => dispatch({ type: 'set-mode', mode });
    return {
      state,
      edit: () => dispatch({ type: 'set-mode', mode: 'edit' }),
      keys: () => dispatch({ type: 'set-mode', mode: 'keys' }),
      run: () => {
        void callbacks.onRun().then((run) => {
          if (run.status === 'pass') dispatch({ type: 'step-passed' });
        });
      },
      next: () => (step.stepIndex + 1 < step.stepCount ? goTo(step.stepIndex + 1) : dispatch({ type: 'show-message', message: 'That was the last step: the lesson is done. q quits, X starts it again.' })),
      previous: () => goTo(step.stepIndex - 1),
      jump: goTo,
      hint: () => (step.hintsLeft > 0 ? callbacks.onHint() : dispatch({ type: 'show-message', message: 'No more hints for this step: s shows the reference solution.' })),
      // After a pass the solution is already there; before, it shows only once the learner confirms.
      solution: () => (step.hasSolution ? dispatch({ type: 'show-message', message: 'The reference solution is shown above your code.' }) : ask('confirm-solution')),
      askResetStep: () => ask('confirm-reset-step'),
      askResetLesson: () => ask('confirm-reset-lesson'),
      confirm: () => {
        if (state.mode === 'confirm-solution') {
          callbacks.onShowSolution();
          dispatch({ type: 'set-mode', mode: 'keys' });
        } else if (state.mode === 'confirm-reset-step') {
          callbacks.onResetStep();
          dispatch({ type: 'reload-editor', message: 'The step is back to its starter code.' });
        } else if (state.mode === 'confirm-reset-lesson') {
          callbacks.onResetLesson();
          dispatch({ type: 'reload-editor', message: 'The lesson starts again: progress, hints and code are reset.' });
        }
      },
      cancel: () => dispatch({ type: 'set-mode', mode: 'keys' }),
      editExternally: () => {
        void callbacks.onEditExternally(step.code).then((edit) => {
          if (!edit.ok) return dispatch({ type: 'show-message', message: edit.reason });
          callbacks.onCodeChange(edit.text);
          dispatch({ type: 'reload-editor', message: 'The snippet from your editor is loaded: Ctrl+R runs it.' });
        });
      },
      toggleIntroduction: () => dispatch({ type: 'toggle-introduction' }),
      quit: callbacks.onQuit,
      lessons: callbacks.onLessons,
    };
  }, [state, step, callbacks]);
}

/** What useStepScreenState returns. */
export type StepScreenIntents = ReturnType<typeof useStepScreenState>;
