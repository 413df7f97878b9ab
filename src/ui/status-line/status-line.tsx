import { Box, Text } from '../ink.js';
import type { SandboxStatus, TargetStatus } from '../../core/learn-state.js';
import { useTheme } from '../theme/index.js';

/** Props of StatusLine. */
export interface StatusLineProps {
  readonly target: TargetStatus;
  readonly sandbox: SandboxStatus;
}

/**
 * Where the database and the sandbox are: starting in the background, ready (with the URI, so the learner can
 * connect another client), or failed with the reason and what to do.
 */
export function StatusLine({ target, sandbox }: StatusLineProps) {
  const theme = useTheme();
  if (target.state === 'failed') {
    return (
      <Box flexDirection="column">
        <Text color={theme.tone('failure')}>{`✗ database: ${target.message}`}</Text>
        <Text color={theme.tone('warning')}>{`  what to do: ${target.hint}`}</Text>
      </Box>
    );
  }
  if (sandbox.state === 'failed') return <Text color={theme.tone('failure')}>{`✗ sandbox: ${sandbox.message}`}</Text>;
  switch (target.state) {
    case 'starting':
      return <Text color={theme.tone('muted')}>{`◌ database: starting (${target.kind})…`}</Text>;
    case 'stopped':
      return <Text color={theme.tone('muted')}>○ database: stopped</Text>;
    case 'ready':
      return (
        <Text>
          <Text color={theme.tone('success')}>●</Text>
          {` database: ${target.kind}, ready at ${target.uri}`}
          {sandbox.state === 'starting' ? <Text color={theme.tone('muted')}> (sandbox starting…)</Text> : null}
        </Text>
      );
  }
}
