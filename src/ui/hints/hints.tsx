import { Box, Text } from '../ink.js';
import { InlineMarkdown } from '../markdown/index.js';
import { useTheme } from '../theme/index.js';

/** Props of Hints. */
export interface HintsProps {
  /** The hints asked for so far, in order. */
  readonly hints: readonly string[];
  readonly hintCount: number;
  /** The reference solution, when the learner may see it. */
  readonly solution?: string;
  /** Whether the step passed (the solution is then a reward, not a give-away). */
  readonly passed: boolean;
}

/** The hints asked for so far, one more per request, and the reference solution once it may be shown. */
export function Hints({ hints, hintCount, solution, passed }: HintsProps) {
  const theme = useTheme();
  if (hints.length === 0 && solution === undefined) return null;
  return (
    <Box flexDirection="column">
      {hints.map((hint, i) => (
        <Box key={i}>
          <Box flexShrink={0}>
            <Text bold color={theme.tone('warning')}>{`Hint ${i + 1} of ${hintCount}: `}</Text>
          </Box>
          <InlineMarkdown source={hint} />
        </Box>
      ))}
      {solution !== undefined ? (
        <Box flexDirection="column">
          <Text bold>{passed ? 'Reference solution (you passed: compare it with yours)' : 'Reference solution (you asked to see it)'}</Text>
          <Box flexDirection="column" borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} borderColor={theme.tone('muted')} paddingLeft={1}>
            {solution.split('\n').map((line, i) => (
              <Text key={i} color={theme.tone('code')}>
                {line === '' ? ' ' : line}
              </Text>
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
