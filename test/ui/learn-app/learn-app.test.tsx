import { useEffect } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExternalEdit } from '../../../src/core/external-editor.js';
import { LearnSession } from '../../../src/core/learn-session.js';
import { ProgressStore } from '../../../src/core/progress-store.js';
import { loadLesson } from '../../../src/lessons/loader.js';
import { startTarget } from '../../../src/targets/resolve-target.js';
import type { RunningTarget } from '../../../src/targets/target.js';
import { LearnApp } from '../../../src/ui/learn-app/index.js';
import { KEYS, render, sendInputAndWaitForContent, waitForContent, type InkTest } from '../../support/ink.js';
import { seedLesson, seedSolution, sharedTargetInfrastructure, tempProgressFile } from '../../support/learn.js';
import { copySeedLesson, tempLessonsRoot } from '../../support/lessons.js';

let target: RunningTarget;
const infrastructure = sharedTargetInfrastructure(() => target);

beforeAll(async () => {
  target = await startTarget({ target: 'embedded' });
});

afterAll(async () => {
  await target?.stop();
});

/** Calls `onUnmount` when the app's tree goes away, which is how an exit shows. */
function UnmountProbe({ onUnmount }: { onUnmount: () => void }) {
  useEffect(() => onUnmount, [onUnmount]);
  return null;
}

interface AppUnderTest {
  readonly app: InkTest;
  readonly session: LearnSession;
  readonly exited: Promise<void>;
  close(): Promise<void>;
}

/** The app on a started session, the seed lesson open unless there are several lessons. */
async function renderApp(options: { file?: string; lessons?: typeof seedLesson[]; editExternally?: (code: string) => Promise<ExternalEdit>; color?: boolean } = {}): Promise<AppUnderTest> {
  const lessons = options.lessons ?? [seedLesson];
  const session = new LearnSession({ lessons, store: ProgressStore.open(options.file ?? tempProgressFile()), infrastructure, targetKind: 'embedded' });
  const initialLesson = lessons.length === 1 ? lessons[0]!.id : undefined;
  if (initialLesson !== undefined) await session.openLesson(initialLesson);
  let exit!: () => void;
  const exited = new Promise<void>((resolve) => (exit = resolve));
  const app = render(
    <>
      <LearnApp
        session={session}
        color={options.color ?? false}
        editExternally={options.editExternally ?? (async () => ({ ok: false, reason: 'no editor in tests' }))}
        {...(initialLesson === undefined ? {} : { initialLesson })}
      />
      <UnmountProbe onUnmount={exit} />
    </>,
  );
  session.start();
  return {
    app,
    session,
    exited,
    async close() {
      app.unmount();
      await session.close();
    },
  };
}

/** Empties the editor (Ctrl+K on every line) and types `code` key by key, Enter for each line break. */
function typeCode(app: InkTest, code: string, lines: number): void {
  for (let i = 0; i < lines; i++) app.write('\x0b');
  for (const char of code) app.write(char === '\n' ? KEYS.enter : char);
}

/** The number of lines of a starter, which is how many Ctrl+K empty the editor. */
const starterLines = (index: number) => seedLesson.steps[index]!.starter.split('\n').length;

describe('ui/learn-app', () => {
  it('takes a learner through the four steps typing the reference solution, each passing, and stops to ask after each', async () => {
    const { app, close } = await renderApp();
    try {
      const first = await waitForContent(app, 'database: embedded, ready');
      expect(first).toContain('Resume tokens · Step 1 of 4: Open a change stream');
      expect(first).toContain('Never miss an order');
      for (const [index, code] of seedSolution.entries()) {
        await waitForContent(app, `Step ${index + 1} of 4`);
        typeCode(app, code, starterLines(index));
        const passed = await sendInputAndWaitForContent(app, KEYS.ctrlR, index === 3 ? 'the lesson is done!' : 'Step passed! Move on to the next step?');
        expect(passed).toContain('PASSED: all');
        expect(passed).toContain(`${index + 1} of 4 steps passed`);
        expect(passed).toContain('Reference solution (you passed: compare it with yours)');
        if (index < 3) app.write(KEYS.enter);
      }
      const last = app.lastFrame();
      expect(last).toMatch(/\d+ orders: 0 lost, 0 duplicated/);
      expect(last).toMatch(/┃ order-0004 held #1 → #2 …[0-9A-F]{4}:[0-9A-F]{4}/);
      expect(last).toContain('✓ no-replay');
    } finally {
      await close();
    }
  });

  it('shows a wrong snippet\'s failed check with expected, actual and the fix, and the lost orders in the timeline', async () => {
    const { app, session, close } = await renderApp();
    try {
      typeCode(app, seedSolution[0]!, starterLines(0));
      await sendInputAndWaitForContent(app, KEYS.ctrlR, 'Step passed!');
      await sendInputAndWaitForContent(app, KEYS.enter, 'Step 2 of 4');
      typeCode(app, "let resumeToken = null;\nchangeStream.once('change', (change) => { resumeToken = change._id; });", starterLines(1));
      const frame = await sendInputAndWaitForContent(app, KEYS.ctrlR, 'NOT YET');
      expect(frame).toContain('NOT YET: 2 of 3 checks passed');
      expect(frame).toMatch(/✗ events-received: only 1 of the \d new orders reached the listener\./);
      expect(frame).toMatch(/expected +\['order-0001', 'order-0002'/);
      expect(frame).toMatch(/actual +\['order-0001'\]/);
      expect(frame).toMatch(/fix +use on\('change', \.\.\.\) \(not once\)/);
      expect(frame).toMatch(/order-0002 LOST/);
      expect(frame).toMatch(/3 orders: 2 lost, 0 duplicated/);
      expect(session.state.lesson!.steps[1]!.passed).toBe(false);
    } finally {
      await close();
    }
  });

  it('gives hints one at a time, and the solution only after a confirmation', async () => {
    const { app, close } = await renderApp();
    try {
      await sendInputAndWaitForContent(app, KEYS.escape, 'h hint');
      const one = await sendInputAndWaitForContent(app, 'h', 'Hint 1 of 2:');
      expect(one).not.toContain('Hint 2 of 2');
      await sendInputAndWaitForContent(app, 'h', 'Hint 2 of 2: Write `const changeStream = db.orders.watch();`');
      await sendInputAndWaitForContent(app, 'h', 'No more hints for this step');
      await sendInputAndWaitForContent(app, 's', 'Show the reference solution before you pass this step?');
      const declined = await sendInputAndWaitForContent(app, 'n', 'r run');
      expect(declined).not.toContain('Reference solution');
      await sendInputAndWaitForContent(app, 's', 'y yes');
      await sendInputAndWaitForContent(app, 'y', 'Reference solution (you asked to see it)');
    } finally {
      await close();
    }
  });

  it('moves between steps with n, p and a number, and resets a step after asking', async () => {
    const { app, close } = await renderApp();
    try {
      await sendInputAndWaitForContent(app, KEYS.escape, 'n next');
      await sendInputAndWaitForContent(app, 'n', 'Step 2 of 4: Remember the last resume token');
      // The step opens in the editor; Esc hands the keys to the commands again. A terminal's Esc is a key of its own
      // only once nothing follows it at once, so the next key waits for the frame Esc brings.
      await sendInputAndWaitForContent(app, KEYS.escape, 'r run');
      await sendInputAndWaitForContent(app, '4', 'Step 4 of 4: Keep tracking on the resumed stream');
      await sendInputAndWaitForContent(app, KEYS.escape, 'r run');
      await sendInputAndWaitForContent(app, 'p', 'Step 3 of 4: Resume after an interruption');
      await sendInputAndWaitForContent(app, 'mine();', 'mine();');
      await sendInputAndWaitForContent(app, KEYS.escape, 'r run');
      await sendInputAndWaitForContent(app, 'x', 'Reset this step to its starter code');
      const reset = await sendInputAndWaitForContent(app, 'y', 'The step is back to its starter code.');
      expect(reset).not.toContain('mine();');
      expect(reset).toContain('const resumedChangeStream = null;');
    } finally {
      await close();
    }
  });

  it('restores the step and the code after a restart', async () => {
    const file = tempProgressFile();
    const first = await renderApp({ file });
    typeCode(first.app, seedSolution[0]!, starterLines(0));
    await sendInputAndWaitForContent(first.app, KEYS.ctrlR, 'Step passed!');
    await sendInputAndWaitForContent(first.app, KEYS.enter, 'Step 2 of 4');
    await sendInputAndWaitForContent(first.app, 'let resumeToken = null; // half done', 'half done');
    await sendInputAndWaitForContent(first.app, KEYS.escape, 'q quit');
    first.app.write('q');
    await first.exited;
    await first.session.close();
    const second = await renderApp({ file });
    try {
      const frame = await waitForContent(second.app, 'Step 2 of 4');
      expect(frame).toContain('1 of 4 steps passed');
      expect(frame).toContain('let resumeToken = null; // half done');
      expect(frame).not.toContain('Never miss an order');
    } finally {
      await second.close();
    }
  });

  it('quits on Ctrl+C from the editor', async () => {
    const { app, exited, close } = await renderApp();
    app.write(KEYS.ctrlC);
    await exited;
    await close();
  });

  it('loads the snippet back from $EDITOR', async () => {
    const seen: string[] = [];
    const editExternally = async (code: string): Promise<ExternalEdit> => {
      seen.push(code);
      return { ok: true, text: 'const changeStream = db.orders.watch(); // from my editor' };
    };
    const { app, close } = await renderApp({ editExternally });
    try {
      const frame = await sendInputAndWaitForContent(app, KEYS.ctrlO, 'The snippet from your editor is loaded');
      expect(seen).toEqual([seedLesson.steps[0]!.starter]);
      expect(frame).toContain('// from my editor');
      await sendInputAndWaitForContent(app, KEYS.ctrlR, 'PASSED');
    } finally {
      await close();
    }
  });

  it('offers a picker when there are several lessons', async () => {
    const other = await loadLesson(copySeedLesson(tempLessonsRoot(), 'resume-tokens-again'));
    const { app, close } = await renderApp({ lessons: [seedLesson, other] });
    try {
      const picker = await waitForContent(app, 'Choose a lesson');
      expect(picker).toMatch(/› 1\. Resume tokens +resume-tokens · 4 steps, about 20 min · not started/);
      await sendInputAndWaitForContent(app, KEYS.down, '› 2. Resume tokens');
      await sendInputAndWaitForContent(app, KEYS.enter, 'Step 1 of 4');
      await sendInputAndWaitForContent(app, KEYS.escape, 'l lessons');
      await sendInputAndWaitForContent(app, 'l', 'Choose a lesson');
    } finally {
      await close();
    }
  });
});
