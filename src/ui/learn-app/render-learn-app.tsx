import { render } from '../ink.js';
import { editExternally } from '../../core/external-editor.js';
import type { LearnSession } from '../../core/learn-session.js';
import { LearnApp } from './learn-app.js';

/** Where the app runs and what it shows first. */
export interface RenderLearnAppOptions {
  readonly session: LearnSession;
  readonly initialLesson?: string;
  readonly color: boolean;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** The running app. */
export interface LearnAppHandle {
  /** Resolves when the learner quit (or quit() was called); the terminal is back to normal by then. */
  waitUntilExit(): Promise<void>;
  /** Ends the app from outside, as a signal does. */
  quit(): void;
}

/** Turns the terminal's bracketed-paste mode on or off: pastes then arrive marked, line breaks and all. */
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
/** Clears the screen and hides the cursor, so that Ink draws its next frame on a clean screen after $EDITOR. */
const CLEAN_SCREEN = '\x1b[2J\x1b[H\x1b[?25l';

/**
 * Renders the interactive app on a terminal. Ink 6 cannot lend the terminal to another program, so the $EDITOR
 * intent does it by hand: raw mode and bracketed paste off, the editor runs (blocking, so nothing here reads the
 * keys meant for it), then both back on and a clean screen for the next frame.
 */
export function renderLearnApp(options: RenderLearnAppOptions): LearnAppHandle {
  const { stdin, stdout } = options;
  const edit = async (code: string) => {
    stdin.setRawMode(false);
    stdout.write(PASTE_OFF);
    try {
      return editExternally(code);
    } finally {
      stdin.setRawMode(true);
      stdout.write(PASTE_ON + CLEAN_SCREEN);
    }
  };
  stdout.write(PASTE_ON);
  const instance = render(
    <LearnApp session={options.session} editExternally={edit} color={options.color} {...(options.initialLesson === undefined ? {} : { initialLesson: options.initialLesson })} />,
    { stdin, stdout, stderr: options.stderr, exitOnCtrlC: false },
  );
  return {
    async waitUntilExit() {
      try {
        await instance.waitUntilExit();
      } finally {
        stdout.write(PASTE_OFF);
      }
    },
    quit: () => instance.unmount(),
  };
}
