/** The calls of a lab that are still running. */
import type { CallEvent, TraceEvent } from '@sockscope/core';

/**
 * `call` events whose `return` / `exception` has not arrived, keyed by span. A call whose
 * thread or process ended without returning (a forked child's `os._exit` inside its handler)
 * is dropped at that `thread_exit` / `child_exit` / `reap`, so it does not stay open for ever.
 */
export class OpenSpans {
  readonly #calls = new Map<number, CallEvent>();

  /** Updates the open calls with one event. */
  observe(event: TraceEvent): void {
    switch (event.kind) {
      case 'call':
        if (event.span !== null) this.#calls.set(event.span, event);
        break;
      case 'return':
      case 'exception':
        if (event.span !== null) this.#calls.delete(event.span);
        break;
      case 'thread_exit':
        this.#drop((call) => call.pid === event.pid && call.tid === event.tid);
        break;
      case 'child_exit':
        this.#drop((call) => call.pid === event.pid);
        break;
      case 'reap':
        this.#drop((call) => call.pid === event.child_pid);
        break;
      default:
        break;
    }
  }

  /** How many calls are open. */
  get size(): number {
    return this.#calls.size;
  }

  /** The open calls ordered by seq: per thread, outermost first. */
  list(): CallEvent[] {
    return [...this.#calls.values()].sort((a, b) => a.seq - b.seq);
  }

  #drop(ended: (call: CallEvent) => boolean): void {
    for (const [span, call] of this.#calls) if (ended(call)) this.#calls.delete(span);
  }
}
