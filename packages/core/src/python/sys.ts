/**
 * The parts of Python's `sys` that socketserver uses: `sys.stderr` (where `handle_error`
 * prints) and `sys.exc_info()` (what `traceback.print_exc()` reads).
 */
import { currentContext } from '../context.js';
import { emitPassing } from '../trace/emit.js';

/** A text stream: Python's `sys.stderr`. Its output is also a `stderr` trace event. */
export interface TextStream {
  write(text: string): void;
}

let sink: TextStream = { write: (text) => void process.stderr.write(text) };

/** Python's `sys`. */
export const sys = {
  /** Writes to the process's stderr (or where `setStderr` points) and to the trace. */
  stderr: {
    write(text: string): void {
      sink.write(text);
      emitPassing({ kind: 'stderr', text });
    },
  } satisfies TextStream,

  /** The exception being handled in the current thread, or undefined (Python's `sys.exc_info()[1]`). */
  exception(): unknown {
    const handling = currentContext().thread.handling;
    return handling[handling.length - 1];
  },
};

/** Writes to the stderr sink without a trace event (text a forked child already traced). */
export function writeStderrRaw(text: string): void {
  if (text) sink.write(text);
}

/** Sends what the port writes to `sys.stderr` somewhere else (tests, the runtime); returns the old sink. */
export function setStderr(stream: TextStream): TextStream {
  const old = sink;
  sink = stream;
  return old;
}

/**
 * Runs `fn` while `err` is the exception being handled, as Python's `except` block does,
 * so that code inside it (e.g. `handle_error`) can print it.
 */
export async function handling<R>(err: unknown, fn: () => Promise<R>): Promise<R> {
  const stack = currentContext().thread.handling;
  stack.push(err);
  try {
    return await fn();
  } finally {
    stack.pop();
  }
}
