import type { EventEmitter } from 'node:events';
import { useStdin } from '../ink.js';
import { useLayoutEffect, useRef } from 'react';
import { parseKeys, type Keypress } from './parse-key.js';

/** Options of useKeypress. */
export interface KeypressOptions {
  /** Only an active hook receives keys (default true); it also needs a stdin that supports raw mode. */
  readonly isActive?: boolean;
}

/** One hook's subscription. */
interface Subscriber {
  isActive(): boolean;
  deliver(key: Keypress): void;
}

/** The subscribers of each Ink app's input, by the app's input emitter. */
const subscribers = new WeakMap<EventEmitter, Set<Subscriber>>();

/**
 * The subscribers of an app, listening to its input once: each key is parsed once (the paste state is the app's),
 * and it goes to the hooks that were active before any of them handled it. A handler that activates another hook
 * (Esc hands the keys from the editor to the commands) must not pass it the very key that did so.
 */
function subscribersOf(events: EventEmitter): Set<Subscriber> {
  let set = subscribers.get(events);
  if (set === undefined) {
    const all = new Set<Subscriber>();
    let pasting = false;
    events.on('input', (raw: string) => {
      for (const key of parseKeys(raw, pasting)) {
        if (key.name === 'paste-start' || key.name === 'paste-end') pasting = key.name === 'paste-start';
        else for (const subscriber of [...all].filter((s) => s.isActive())) subscriber.deliver(key);
      }
    });
    subscribers.set(events, all);
    set = all;
  }
  return set;
}

/**
 * Ink's `useInput`, but with the raw sequence parsed by parseKey: Backspace and Delete told apart, pasted line
 * breaks kept as text, bracketed paste understood. It listens to the same input events as Ink's hooks, so Ink's
 * raw-mode bookkeeping stays as it is. Without raw-mode support it does nothing rather than throw, so a render on a
 * stream that is not a terminal cannot crash.
 *
 * It subscribes in a layout effect and reads the latest handler and `isActive` through a ref: a key that arrives
 * right after a render reaches the handler of that render, never a stale one.
 */
export function useKeypress(handler: (key: Keypress) => void, options: KeypressOptions = {}): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const active = options.isActive !== false && isRawModeSupported;
  const latest = useRef({ handler, active });

  useLayoutEffect(() => {
    latest.current = { handler, active };
  });

  useLayoutEffect(() => {
    if (!active) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, setRawMode]);

  useLayoutEffect(() => {
    if (!isRawModeSupported) return;
    const set = subscribersOf(events);
    const subscriber: Subscriber = { isActive: () => latest.current.active, deliver: (key) => latest.current.handler(key) };
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
    };
  }, [events, isRawModeSupported]);
}
