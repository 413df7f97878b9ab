// Run: npx tsx examples/editor.tsx
// The multi-line editor: type, paste, move with the arrows, Home and End; Ctrl+K deletes a line; Ctrl+C quits.
import { Box, render, Text } from 'ink';
import { useState } from 'react';
import { Editor } from '../src/ui/editor/index.js';

function Example() {
  const [text, setText] = useState('');
  return (
    <Box flexDirection="column">
      <Editor initialText={"const changeStream = db.orders.watch();\n"} onChange={setText} isActive title="Your code" />
      <Text dimColor>{`${text.split('\n').length} lines, ${text.length} characters`}</Text>
    </Box>
  );
}

render(<Example />);
