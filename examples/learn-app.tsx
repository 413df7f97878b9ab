// Run: npx tsx examples/learn-app.tsx
// The whole app on the seed lesson and the embedded engine, with progress kept in a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultInfrastructure } from '../src/core/learn-infrastructure.js';
import { LearnSession } from '../src/core/learn-session.js';
import { ProgressStore } from '../src/core/progress-store.js';
import { loadLesson } from '../src/lessons/loader.js';
import { renderLearnApp } from '../src/ui/learn-app/render-learn-app.js';

const lesson = await loadLesson('lessons/resume-tokens');
const store = ProgressStore.open(join(mkdtempSync(join(tmpdir(), 'resume-lab-example-')), 'progress.json'));
const session = new LearnSession({ lessons: [lesson], store, infrastructure: defaultInfrastructure({ target: 'embedded' }), targetKind: 'embedded' });
await session.openLesson(lesson.id);
const app = renderLearnApp({ session, initialLesson: lesson.id, color: true, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
session.start();
await app.waitUntilExit();
await session.close();
