/**
 * Emitting semantic events from anywhere in the port. When no session records the
 * current context this costs one lookup and returns nothing.
 */
import { currentContext } from '../context.js';
import type { EventDraft } from './schema.js';

/**
 * Emits an event in the current context. The result is a promise only when the tracer
 * holds the thread; async call sites `await` it so that a paused lab really stops there.
 */
export function emit(draft: EventDraft): void | Promise<void> {
  const ctx = currentContext();
  return ctx.session?.emit(draft, ctx);
}

/**
 * Emits an event from synchronous code, which cannot wait: the tracer is told it cannot
 * hold this event.
 */
export function emitPassing(draft: EventDraft): void {
  const ctx = currentContext();
  void ctx.session?.emit(draft, ctx, false);
}

/** True when the current context is being traced (to skip building costly drafts). */
export function tracing(): boolean {
  return currentContext().session !== undefined;
}
