/**
 * Logical threads: Python's `threading.Thread` as cooperative async tasks.
 *
 * A logical thread has its own id, its Python name and daemon flag, and can be joined.
 * Unlike CPython's OS threads, logical threads only switch at `await`s (where Python
 * threads switch at blocking I/O, or every few milliseconds under the GIL): code
 * between two awaits never interleaves with another thread.
 */
import { currentContext, mainThreadState, runInContext, type ExecContext, type ThreadState } from '../context.js';
import { SystemExit } from '../python/exceptions.js';
import { formatException } from '../python/traceback.js';
import { emit, emitPassing, tracing } from '../trace/emit.js';
import { sys } from '../python/sys.js';

let nextIdent = 2; // 1 is the main thread
let nextNumber = 1; // Python's counter behind "Thread-N"

/** What a new Thread is given, as in Python's `Thread(target=..., args=..., name=..., daemon=...)`. */
export interface ThreadOptions {
  readonly target: (...args: never[]) => unknown;
  readonly args?: readonly unknown[];
  /** The thread's name; by default `Thread-N (target)`, as Python names it. */
  readonly name?: string;
  /** Python's `daemon`; by default inherited from the starting thread (false for the main thread). */
  readonly daemon?: boolean;
  /** The name of the target for the default thread name (a bound method's name otherwise). */
  readonly targetName?: string;
}

const threadsByState = new WeakMap<ThreadState, Thread>();

/** Python's `threading.Thread`, as a cooperative task. */
export class Thread {
  readonly #state: ThreadState;
  readonly #target: () => unknown;
  #daemon: boolean;
  #started = false;
  #alive = false;
  #done: Promise<void> | undefined;

  /** @param state - internal: the state of an existing thread (the main thread). */
  constructor(options: ThreadOptions, state?: ThreadState) {
    const name = options.name ?? `Thread-${nextNumber++} (${options.targetName ?? targetName(options.target)})`;
    this.#state = state ?? { ident: nextIdent++, name, handling: [] };
    const args = options.args ?? [];
    const target = options.target as (...a: readonly unknown[]) => unknown;
    this.#target = () => target(...args);
    this.#daemon = options.daemon ?? current_thread().daemon;
    threadsByState.set(this.#state, this);
  }

  /** Python's `name`. */
  get name(): string {
    return this.#state.name;
  }

  /** Python's `ident` (a small integer here, unique in the process). */
  get ident(): number {
    return this.#state.ident;
  }

  /** Python's `daemon`; settable until the thread starts. */
  get daemon(): boolean {
    return this.#daemon;
  }

  set daemon(value: boolean) {
    if (this.#started) throw new Error('cannot set daemon status of active thread');
    this.#daemon = value;
  }

  /** Python's `is_alive()`. */
  is_alive(): boolean {
    return this.#alive;
  }

  /**
   * Python's `start()`. The new thread runs at once until its first `await`, as a new
   * Python thread usually runs until it first blocks.
   */
  start(): void {
    if (this.#started) throw new Error('threads can only be started once');
    this.#started = true;
    this.#alive = true;
    const parent = currentContext();
    if (parent.session) emitPassing({ kind: 'thread_spawn', child_tid: this.ident, child_name: this.name, daemon: this.#daemon });
    const ctx: ExecContext = { thread: this.#state, session: parent.session, span: null, parentSpan: null };
    this.#done = runInContext(ctx, () => this.#run());
  }

  async #run(): Promise<void> {
    try {
      if (tracing()) await emit({ kind: 'thread_start', daemon: this.#daemon });
      await this.#target();
    } catch (err) {
      // Python's threading.excepthook prints an uncaught exception and lets the thread
      // die; SystemExit ends the thread silently.
      if (!(err instanceof SystemExit)) sys.stderr.write(`Exception in thread ${this.name}:\n${formatException(err)}`);
    } finally {
      this.#alive = false;
      emitPassing({ kind: 'thread_exit' });
    }
  }

  /**
   * Python's `join(timeout)`: waits until the thread ends, or `timeout` seconds pass.
   * Joining a thread that has not started raises, as in Python.
   */
  async join(timeout: number | null = null): Promise<void> {
    if (!this.#done) throw new Error('cannot join thread before it is started');
    if (this.#state === currentContext().thread) throw new Error('cannot join current thread');
    if (timeout === null) await this.#done;
    else await Promise.race([this.#done, sleep(timeout)]);
    if (!this.#alive && tracing()) await emit({ kind: 'thread_join', joined_tid: this.ident, joined_name: this.name });
  }
}

/** The main thread of this process, as a Thread. */
class MainThread extends Thread {
  constructor() {
    super({ target: () => undefined, name: 'MainThread', daemon: false }, mainThreadState);
  }
}
let main: Thread | undefined;

/** Python's `threading.current_thread()`. */
export function current_thread(): Thread {
  const state = currentContext().thread;
  const known = threadsByState.get(state);
  if (known) return known;
  main ??= new MainThread();
  return main;
}

function targetName(fn: (...args: never[]) => unknown): string {
  return fn.name.replace(/^bound /, '') || '<lambda>';
}

/** Resolves after `seconds`. */
export function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));
}
