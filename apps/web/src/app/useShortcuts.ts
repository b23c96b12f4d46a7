/** Listens for the keyboard shortcuts (machines/keyboard.ts) while `enabled`. */
import { useEffect, useRef } from 'react';
import { isTypingTarget, keyAction, type AppMode, type KeyAction } from '../machines/keyboard.js';

const REPEATABLE = new Set<KeyAction>(['step', 'stepForward', 'stepBack']);

/** What to do for each action; actions without a handler are left alone. */
export type ShortcutHandlers = Partial<Record<KeyAction, () => void>>;

/** Calls the handler of each shortcut pressed in `mode` while `enabled`. */
export function useShortcuts(mode: AppMode, enabled: boolean, handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const action = keyAction(event, mode);
      if (action === null) return;
      // Holding a step key keeps stepping; holding anything else does it once.
      if (event.repeat && !REPEATABLE.has(action)) return;
      // Esc still closes a prompt from inside its text field; nothing else fires while typing.
      if (action !== 'close' && isTypingTarget(event.target)) return;
      const handler = latest.current[action];
      if (!handler) return;
      // Space would also press the focused button: the shortcut wins.
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, enabled]);
}
