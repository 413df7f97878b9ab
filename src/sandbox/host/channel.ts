import type { HostMessage, ParentMessage } from './protocol.js';

/** The caller's end of one running host (a worker thread or a child process), whichever it is. */
export interface HostChannel {
  send(message: ParentMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
  /**
   * Called once when the host ends by itself (exit, crash, out of memory), with why in words and the end of its
   * stderr (for start-up failures; learners get only the words).
   */
  onExit(listener: (detail: string, stderrTail: string) => void): void;
  /** Stops the host at once, whatever it is doing; resolves when it is gone. Does not call onExit listeners. */
  kill(): Promise<void>;
}

/** How much of a host's stderr is kept to explain a crash. */
export const STDERR_TAIL_CHARS = 2_000;

/** Why a host ended, in words: out of memory if its stderr or error says so, else the exit code or signal. */
export function exitDetail(code: number | null, signal: string | null, stderrTail: string): string {
  if (/heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Reached heap limit/.test(stderrTail)) return 'it ran out of memory';
  if (signal) return `it was stopped by ${signal}`;
  return `it exited with code ${code}`;
}
