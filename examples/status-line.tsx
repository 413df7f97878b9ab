// Run: npx tsx examples/status-line.tsx
// The database status in its three states: starting, ready, and failed with what to do.
import { Box, render } from 'ink';
import { StatusLine } from '../src/ui/status-line/index.js';

render(
  <Box flexDirection="column">
    <StatusLine target={{ state: 'starting', kind: 'auto' }} sandbox={{ state: 'starting' }} />
    <StatusLine target={{ state: 'ready', kind: 'embedded', uri: 'mongodb://127.0.0.1:41523/?replicaSet=rs0' }} sandbox={{ state: 'ready' }} />
    <StatusLine
      target={{
        state: 'failed',
        message: 'no mongod binary for the memory-server target: MONGOMS_SYSTEM_BINARY is not set',
        hint: 'set MONGOMS_SYSTEM_BINARY to the path of a mongod binary, or use --target embedded',
      }}
      sandbox={{ state: 'ready' }}
    />
  </Box>,
).unmount();
