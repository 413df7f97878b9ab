import { Box, Text } from '../ink.js';
import { useMemo } from 'react';
import type { LessonChoice } from '../../core/learn-state.js';
import { HelpLine } from '../help-line/index.js';
import { useTheme } from '../theme/index.js';
import { useLessonPickerInput } from './use-lesson-picker-input.js';
import { useLessonPickerState } from './use-lesson-picker-state.js';

/** Props of LessonPicker. */
export interface LessonPickerProps {
  readonly lessons: readonly LessonChoice[];
  readonly onSelect: (id: string) => void;
  readonly onQuit: () => void;
  readonly isActive: boolean;
  /** The lesson focused at first. */
  readonly initialIndex?: number;
}

/** The list of lessons with the learner's progress in each; the focused one shows its summary. */
export function LessonPicker({ lessons, onSelect, onQuit, isActive, initialIndex }: LessonPickerProps) {
  const theme = useTheme();
  const picker = useLessonPickerState(lessons.length, initialIndex);
  const callbacks = useMemo(() => ({ onSelect: (index: number) => onSelect(lessons[index]!.id), onQuit }), [lessons, onSelect, onQuit]);
  useLessonPickerInput(picker, callbacks, { isActive });
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Choose a lesson</Text>
      <Box flexDirection="column">
        {lessons.map((lesson, i) => {
          const focused = i === picker.state.focused;
          const progress = lesson.started ? `${lesson.passed} of ${lesson.steps} steps passed` : 'not started';
          return (
            <Box key={lesson.id} flexDirection="column">
              <Text color={focused ? theme.tone('accent') : undefined} bold={focused}>
                {`${focused ? '›' : ' '} ${i + 1}. ${lesson.title}`}
                <Text color={theme.tone('muted')}>{`  ${lesson.id} · ${lesson.steps} steps, about ${lesson.estimatedMinutes} min · ${progress}`}</Text>
              </Text>
              {focused ? <Text>{`     ${lesson.summary}`}</Text> : null}
            </Box>
          );
        })}
      </Box>
      <HelpLine
        items={[
          { key: '↑↓', label: 'choose' },
          { key: 'Enter', label: 'open' },
          { key: '1-9', label: 'open by number' },
          { key: 'q', label: 'quit' },
        ]}
      />
    </Box>
  );
}
