import { EventEmitter } from 'node:events';
import { render as renderInk } from 'ink-testing-library';
import type { ReactElement } from 'react';

/**
 * The one Ink test harness (STYLE rule 12): Ink's render on fake streams (ink-testing-library: stdout 100 columns
 * wide, a stdin that is a TTY, every frame kept), plus waits that follow frames instead of sleeping.
 */

/** How long a wait for a frame may take before the test fails with the last frame in its message. */
const WAIT_MS = 20_000;

/** A rendered tree. */
export interface InkTest {
  /** Types or pastes into the app, as a terminal would send it. */
  write(data: string): void;
  /** The latest frame without colours and styles. */
  lastFrame(): string;
  unmount(): void;
  /** Fires 'frame' after each write of a frame. */
  readonly events: EventEmitter;
}

/** Renders a tree with fake streams. */
export function render(tree: ReactElement): InkTest {
  const events = new EventEmitter();
  const instance = renderInk(tree);
  const write = instance.stdout.write;
  instance.stdout.write = (frame: string) => {
    write(frame);
    events.emit('frame');
  };
  return {
    write: (data) => instance.stdin.write(data),
    lastFrame: () => unstyled(instance.lastFrame() ?? ''),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
    events,
  };
}

/** Text without ANSI escape sequences. */
export function unstyled(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** What a frame must show: some text, a pattern, or a test of the whole frame. */
export type FrameMatch = string | RegExp | ((frame: string) => boolean);

function matches(frame: string, match: FrameMatch): boolean {
  if (typeof match === 'string') return frame.includes(match);
  if (match instanceof RegExp) return match.test(frame);
  return match(frame);
}

/** Resolves with the first frame (the current one included) that matches; fails with the last frame after a while. */
export function waitForContent(test: InkTest, match: FrameMatch, timeoutMs = WAIT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    if (matches(test.lastFrame(), match)) return resolve(test.lastFrame());
    const check = () => {
      const frame = test.lastFrame();
      if (!matches(frame, match)) return;
      done();
      resolve(frame);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no frame matched ${String(match)} within ${timeoutMs} ms; the last frame was:\n${test.lastFrame()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      test.events.off('frame', check);
    };
    test.events.on('frame', check);
  });
}

/** Writes input and resolves with the first frame that differs from the one before it. */
export function sendInputAndWaitForChange(test: InkTest, data: string): Promise<string> {
  const before = test.lastFrame();
  const changed = waitForContent(test, (frame) => frame !== before);
  test.write(data);
  return changed;
}

/** Writes input and resolves with the first frame that matches. */
export function sendInputAndWaitForContent(test: InkTest, data: string, match: FrameMatch): Promise<string> {
  const shown = waitForContent(test, match);
  test.write(data);
  return shown;
}

/** The keys of a terminal in raw mode, for writing to the app. */
export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  backspace: '\x7f',
  delete: '\x1b[3~',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  tab: '\t',
  ctrlC: '\x03',
  ctrlO: '\x0f',
  ctrlR: '\x12',
  /** Wraps text in bracketed-paste markers, as a terminal in that mode sends a paste. */
  paste: (text: string) => `\x1b[200~${text}\x1b[201~`,
} as const;
