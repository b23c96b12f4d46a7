/**
 * The execution context of the code that is running now: which logical thread it is,
 * which trace session (if any) records it, and which call span encloses it.
 *
 * Python keeps this per OS thread (`threading.current_thread()`, `sys.setprofile`);
 * the port keeps it in an AsyncLocalStorage so that it follows each logical thread
 * across its `await`s.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TraceSession } from './trace/session.js';

/** What the port knows of a logical thread; `threading.Thread` wraps one. */
export interface ThreadState {
  /** Small integer id, unique in this process (Python's `ident` is an OS number). */
  readonly ident: number;
  /** Python's thread name, e.g. `MainThread` or `Thread-3 (process_request_thread)`. */
  name: string;
  /** The exceptions being handled, innermost last: what `sys.exc_info()` reads. */
  readonly handling: unknown[];
}

/** Everything a traced call needs to know about where it runs. */
export interface ExecContext {
  readonly thread: ThreadState;
  readonly session: TraceSession | undefined;
  /** The enclosing call span, or null at a thread's root. */
  readonly span: number | null;
  /** The span enclosing `span`, or null. */
  readonly parentSpan: number | null;
}

const storage = new AsyncLocalStorage<ExecContext>();

/** The main thread of this process: the one that runs code outside any logical thread. */
export const mainThreadState: ThreadState = { ident: 1, name: 'MainThread', handling: [] };

let rootContext: ExecContext = {
  thread: mainThreadState,
  session: undefined,
  span: null,
  parentSpan: null,
};

/** The context of the code running now. */
export function currentContext(): ExecContext {
  return storage.getStore() ?? rootContext;
}

/** Runs `fn` in `ctx`; everything it awaits or starts inherits `ctx`. */
export function runInContext<R>(ctx: ExecContext, fn: () => R): R {
  return storage.run(ctx, fn);
}

/**
 * Sets the context that code outside any `runInContext` sees. A forked child uses it to
 * become "the thread that called fork" for the rest of its life.
 */
export function setRootContext(ctx: ExecContext): void {
  rootContext = ctx;
}
