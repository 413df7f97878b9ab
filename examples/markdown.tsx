// Run: npx tsx examples/markdown.tsx
// Lesson prose in the terminal: paragraphs, lists, inline code and code blocks set apart.
import { render } from 'ink';
import { Markdown } from '../src/ui/markdown/index.js';

const source = `# Never miss an order

Every change event carries a **resume token** in its \`_id\` field. Remember it:

- open a stream with \`watch()\`
- keep the token of the *last* event you handled

\`\`\`js
const changeStream = db.orders.watch();
changeStream.on('change', (change) => { resumeToken = change._id; });
\`\`\`
`;

render(<Markdown source={source} />).unmount();
