import { Box, Text, useStdout } from '../ink.js';
import { useMemo } from 'react';
import type { LessonView, SandboxStatus, TargetStatus } from '../../core/learn-state.js';
import { Editor } from '../editor/index.js';
import { HelpLine, type HelpItem } from '../help-line/index.js';
import { Hints } from '../hints/index.js';
import { Markdown } from '../markdown/index.js';
import { StatusLine } from '../status-line/index.js';
import { StepResults } from '../step-results/index.js';
import { useTheme } from '../theme/index.js';
import { Timeline } from '../timeline/index.js';
import { useStepScreenInput } from './use-step-screen-input.js';
import { useStepScreenState, type StepScreenCallbacks, type StepScreenMode } from './use-step-screen-state.js';

/** Props of StepScreen. */
export interface StepScreenProps {
  readonly lesson: LessonView;
  readonly target: TargetStatus;
  readonly sandbox: SandboxStatus;
  readonly notice?: string;
  readonly callbacks: StepScreenCallbacks;
  readonly isActive: boolean;
  /** Show the lesson's introduction above the first step (a learner who has not started yet). */
  readonly showIntroduction?: boolean;
}

/** Width of the timeline beside the results: an order row with two deliveries fits. */
const TIMELINE_WIDTH = 44;

/** Below this many columns the timeline goes under the results, so that check messages keep the whole width. */
const SIDE_BY_SIDE_COLUMNS = 130;

/**
 * One step of a lesson: where the learner is, the instructions, hints, the editor, the results of the last run next
 * to the live event timeline, and the keys that work now.
 */
export function StepScreen({ lesson, target, sandbox, notice, callbacks, isActive, showIntroduction = false }: StepScreenProps) {
  const theme = useTheme();
  const step = lesson.steps[lesson.stepIndex]!;
  const running = lesson.running !== undefined;
  const context = useMemo(
    () => ({
      stepIndex: lesson.stepIndex,
      stepCount: lesson.steps.length,
      code: step.code,
      hintsLeft: step.hintCount - step.hints.length,
      hasSolution: step.solution !== undefined,
    }),
    [lesson.stepIndex, lesson.steps.length, step.code, step.hintCount, step.hints.length, step.solution],
  );
  const screen = useStepScreenState(context, callbacks, showIntroduction);
  const { mode } = screen.state;
  useStepScreenInput(screen, { isActive, running });
  const passedCount = lesson.steps.filter((s) => s.passed).length;
  const sideBySide = useStdout().stdout.columns >= SIDE_BY_SIDE_COLUMNS;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{lesson.title}</Text>
        <Text color={theme.tone('muted')}>{' · '}</Text>
        <Text bold color={theme.tone('accent')}>{`Step ${lesson.stepIndex + 1} of ${lesson.steps.length}: ${step.title}`}</Text>
      </Text>
      <Text>
        {`${passedCount} of ${lesson.steps.length} steps passed  `}
        {lesson.steps.map((s, i) => (
          <Text key={s.id} color={s.passed ? theme.tone('success') : i === lesson.stepIndex ? theme.tone('accent') : theme.tone('muted')}>
            {`${s.passed ? '✓' : i === lesson.stepIndex ? '▸' : '○'}${i + 1} ${s.id}  `}
          </Text>
        ))}
      </Text>
      <StatusLine target={target} sandbox={sandbox} />
      {notice !== undefined ? <Text color={theme.tone('warning')}>{`! ${notice}`}</Text> : null}
      <Box flexDirection="column" marginTop={1} gap={1}>
        {screen.state.showIntroduction ? <Markdown source={lesson.introduction} /> : null}
        <Markdown source={step.instructions} />
        <Hints hints={step.hints} hintCount={step.hintCount} passed={step.passed} {...(step.solution === undefined ? {} : { solution: step.solution })} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Editor
          key={`${step.id}:${screen.state.editorRevision}`}
          initialText={step.code}
          onChange={callbacks.onCodeChange}
          isActive={isActive && mode === 'edit'}
          title={`Your code for step ${lesson.stepIndex + 1}`}
        />
      </Box>
      <Box flexDirection={sideBySide ? 'row' : 'column'} gap={1}>
        <Box flexDirection="column" {...(sideBySide ? { flexGrow: 1, flexBasis: 0 } : {})}>
          <StepResults running={running} liveOutput={lesson.liveOutput} {...(step.lastRun === undefined ? {} : { run: step.lastRun })} />
        </Box>
        <Box flexDirection="column" flexShrink={0} {...(sideBySide ? { width: TIMELINE_WIDTH } : {})}>
          <Timeline entries={lesson.timeline} />
        </Box>
      </Box>
      {screen.state.message !== undefined ? <Text color={theme.tone('warning')}>{screen.state.message}</Text> : null}
      <Box marginTop={1}>
        <Prompt mode={mode} last={lesson.stepIndex === lesson.steps.length - 1} stepCount={lesson.steps.length} lessons={callbacks.onLessons !== undefined} />
      </Box>
    </Box>
  );
}

/** The keys of a mode, or its question. */
function Prompt({ mode, last, stepCount, lessons }: { mode: StepScreenMode; last: boolean; stepCount: number; lessons: boolean }) {
  const theme = useTheme();
  switch (mode) {
    case 'confirm-solution':
      return <Question text="Show the reference solution before you pass this step?" />;
    case 'confirm-reset-step':
      return <Question text="Reset this step to its starter code (and forget its hints)?" />;
    case 'confirm-reset-lesson':
      return <Question text="Reset the whole lesson: every step's code, hints and progress?" />;
    case 'passed':
      return (
        <Box flexDirection="column">
          <Text bold color={theme.tone('success')}>
            {last ? 'Step passed: that was the last one, the lesson is done!' : 'Step passed! Move on to the next step?'}
          </Text>
          <HelpLine items={[...(last ? [] : [{ key: 'Enter', label: 'next step' }]), { key: 's', label: 'solution' }, { key: 'e', label: 'keep editing' }, { key: 'q', label: 'quit' }]} />
        </Box>
      );
    case 'edit':
      return (
        <HelpLine
          items={[
            { key: 'Ctrl+R', label: 'run' },
            { key: 'Esc', label: 'more keys: hints, steps, reset, quit' },
            { key: 'Ctrl+O', label: 'edit in $EDITOR' },
            { key: 'Ctrl+C', label: 'quit' },
          ]}
        />
      );
    case 'keys': {
      const items: HelpItem[] = [
        { key: 'r', label: 'run' },
        { key: 'e', label: 'edit' },
        { key: 'o', label: '$EDITOR' },
        { key: 'h', label: 'hint' },
        { key: 's', label: 'solution' },
        { key: 'n', label: 'next' },
        { key: 'p', label: 'previous' },
        { key: `1-${stepCount}`, label: 'jump' },
        { key: 'x', label: 'reset step' },
        { key: 'X', label: 'reset lesson' },
        { key: 'i', label: 'introduction' },
        ...(lessons ? [{ key: 'l', label: 'lessons' }] : []),
        { key: 'q', label: 'quit' },
      ];
      return <HelpLine items={items} />;
    }
  }
}

function Question({ text }: { text: string }) {
  const theme = useTheme();
  return (
    <Text>
      <Text bold color={theme.tone('warning')}>{text}</Text>
      {'  '}
      <HelpLine items={[{ key: 'y', label: 'yes' }, { key: 'n', label: 'no' }]} />
    </Text>
  );
}
