import { Box, Text } from '../ink.js';
import type { StepRun } from '../../core/learn-state.js';
import type { OutputLine } from '../../sandbox/api.js';
import { InlineMarkdown } from '../markdown/index.js';
import { useTheme } from '../theme/index.js';
import { checkParts } from './check-line.js';

/** Props of StepResults. */
export interface StepResultsProps {
  /** The latest run of the step, if it ran. */
  readonly run?: StepRun;
  /** True while the step runs: its output so far is shown instead. */
  readonly running: boolean;
  readonly liveOutput: readonly OutputLine[];
}

/** The outcome of a run: a verdict, one line per check (with expected, actual and the fix for a failure), the output. */
export function StepResults({ run, running, liveOutput }: StepResultsProps) {
  const theme = useTheme();
  if (running) {
    return (
      <Box flexDirection="column">
        <Text color={theme.tone('warning')}>Running your code and the checks…</Text>
        <Output lines={liveOutput} truncated={false} />
      </Box>
    );
  }
  if (run === undefined) return <Text color={theme.tone('muted')}>No run yet: write your code, then press Ctrl+R to run it.</Text>;
  const passed = run.checks.filter((c) => c.status === 'pass').length;
  return (
    <Box flexDirection="column">
      <Verdict run={run} passed={passed} />
      {run.stoodIn.length > 0 ? (
        <Text color={theme.tone('muted')}>{`The reference solution stood in for ${run.stoodIn.join(', ')}, which ${run.stoodIn.length === 1 ? 'has' : 'have'} not passed yet.`}</Text>
      ) : null}
      {run.carriedOver.length > 0 ? (
        <Text color={theme.tone('warning')}>{`This ran on the state your code for ${run.carriedOver.join(', ')} left, and ${run.carriedOver.length === 1 ? 'that step has' : 'those steps have'} not passed: its mistakes carry over.`}</Text>
      ) : null}
      {run.checks.map((check) => {
        const parts = checkParts(check);
        const ok = check.status === 'pass';
        return (
          <Box key={check.name} flexDirection="column">
            <Text>
              <Text color={theme.tone(ok ? 'success' : 'failure')}>{ok ? '✓ ' : '✗ '}</Text>
              <Text bold>{check.name}</Text>
              {': '}
              <InlineMarkdown source={parts.summary} />
            </Text>
            {parts.expected !== undefined ? <Detail label="expected" text={parts.expected} /> : null}
            {parts.actual !== undefined ? <Detail label="actual" text={parts.actual} /> : null}
            {parts.fix !== undefined ? <Detail label="fix" text={parts.fix} markdown /> : null}
          </Box>
        );
      })}
      {run.error !== undefined ? <ErrorView run={run} /> : null}
      <Output lines={run.output} truncated={run.outputTruncated} value={run.value} />
    </Box>
  );
}

function Verdict({ run, passed }: { run: StepRun; passed: number }) {
  const theme = useTheme();
  const ms = `(${Math.round(run.durationMs)} ms)`;
  if (run.status === 'pass') return <Text bold color={theme.tone('success')}>{`PASSED: all ${passed} checks ${ms}`}</Text>;
  if (run.status === 'fail') return <Text bold color={theme.tone('failure')}>{`NOT YET: ${passed} of ${run.checks.length} checks passed ${ms}`}</Text>;
  return <Text bold color={theme.tone('failure')}>{`ERROR ${ms}`}</Text>;
}

/** One labelled line under a failed check; the fix is prose with code in it. */
function Detail({ label, text, markdown = false }: { label: string; text: string; markdown?: boolean }) {
  const theme = useTheme();
  return (
    <Box paddingLeft={4}>
      <Box width={10} flexShrink={0}>
        <Text color={theme.tone('muted')}>{label}</Text>
      </Box>
      {markdown ? <InlineMarkdown source={text} /> : <Text>{text}</Text>}
    </Box>
  );
}

function ErrorView({ run }: { run: StepRun }) {
  const theme = useTheme();
  const error = run.error!;
  const where = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column ?? 1}${error.stepId === undefined ? '' : ` of step ${error.stepId}`})`;
  return (
    <Box flexDirection="column">
      <Text color={theme.tone('failure')}>{`✗ ${error.name}: ${error.message}${where}`}</Text>
      {error.explanation !== undefined ? (
        <Box paddingLeft={2}>
          <InlineMarkdown source={error.explanation} />
        </Box>
      ) : null}
    </Box>
  );
}

/** What the snippet printed, and the echo of its last expression. */
function Output({ lines, truncated, value }: { lines: readonly OutputLine[]; truncated: boolean; value?: string }) {
  const theme = useTheme();
  if (lines.length === 0 && value === undefined) return null;
  return (
    <Box flexDirection="column">
      <Text bold>Output</Text>
      {lines.map((line, i) => (
        <Text key={i} color={line.stream === 'err' ? theme.tone('failure') : undefined}>{`  ${line.text}`}</Text>
      ))}
      {truncated ? <Text color={theme.tone('muted')}>  … (more output was cut)</Text> : null}
      {value !== undefined ? <Text color={theme.tone('muted')}>{`  ⇒ ${value}`}</Text> : null}
    </Box>
  );
}
