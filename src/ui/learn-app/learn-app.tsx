import { Box, Text, useApp } from '../ink.js';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ExternalEdit } from '../../core/external-editor.js';
import type { LearnSession } from '../../core/learn-session.js';
import { LessonPicker } from '../lesson-picker/index.js';
import { StatusLine } from '../status-line/index.js';
import { StepScreen, type StepScreenCallbacks } from '../step-screen/index.js';
import { createTheme, ThemeContext } from '../theme/index.js';
import { useLearnAppInput } from './use-learn-app-input.js';
import { useLearnAppState } from './use-learn-app-state.js';

/** Props of LearnApp. */
export interface LearnAppProps {
  readonly session: LearnSession;
  /** The lesson to show at once (named on the command line, or the only one); the picker otherwise. */
  readonly initialLesson?: string;
  /** Opens a snippet in the learner's editor; the CLI provides it, since it owns the terminal. */
  readonly editExternally: (code: string) => Promise<ExternalEdit>;
  readonly color: boolean;
}

/**
 * The interactive app's root: it renders the session's state, turns the screens' intents into session calls, and
 * is the one component that ends the app (`exit()`); the command then closes the session.
 */
export function LearnApp({ session, initialLesson, editExternally, color }: LearnAppProps) {
  const { exit } = useApp();
  const subscribe = useCallback(
    (onChange: () => void) => {
      session.on('state', onChange);
      return () => void session.off('state', onChange);
    },
    [session],
  );
  const state = useSyncExternalStore(subscribe, () => session.state);
  const app = useLearnAppState(initialLesson);
  const quit = useCallback(() => exit(), [exit]);
  useLearnAppInput(useMemo(() => ({ quit }), [quit]));
  const multipleLessons = session.lessonChoices().length > 1;

  const chooseLesson = useCallback(
    (id: string) => {
      app.chooseLesson(id);
      void session.openLesson(id);
    },
    [app, session],
  );
  const callbacks = useMemo<StepScreenCallbacks>(
    () => ({
      onCodeChange: (code) => session.setCode(code),
      onRun: () => session.run(),
      onGoTo: (index) => session.goTo(index),
      onHint: () => session.showHint(),
      onShowSolution: () => session.showSolution(),
      onResetStep: () => session.resetStep(),
      onResetLesson: () => session.resetLesson(),
      onEditExternally: editExternally,
      onQuit: quit,
      ...(multipleLessons ? { onLessons: app.backToPicker } : {}),
    }),
    [session, editExternally, quit, multipleLessons, app.backToPicker],
  );

  let screen;
  if (app.state.screen === 'picker') {
    screen = (
      <Box flexDirection="column" gap={1}>
        <Text bold>resume-lab: MongoDB change streams, step by step</Text>
        <StatusLine target={state.target} sandbox={state.sandbox} />
        {state.notice !== undefined ? <Text>{`! ${state.notice}`}</Text> : null}
        <LessonPicker lessons={session.lessonChoices()} onSelect={chooseLesson} onQuit={quit} isActive />
      </Box>
    );
  } else if (state.lesson === undefined || state.lesson.id !== app.state.lessonId) {
    screen = <Text>Opening the lesson…</Text>;
  } else {
    screen = (
      <StepScreen
        key={state.lesson.id}
        lesson={state.lesson}
        target={state.target}
        sandbox={state.sandbox}
        {...(state.notice === undefined ? {} : { notice: state.notice })}
        callbacks={callbacks}
        isActive
        showIntroduction={!state.lesson.started && state.lesson.stepIndex === 0}
      />
    );
  }
  return <ThemeContext.Provider value={createTheme(color)}>{screen}</ThemeContext.Provider>;
}
