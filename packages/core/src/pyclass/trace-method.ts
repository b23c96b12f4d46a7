/**
 * The wrapper that makes every method of a Python class emit `call` and `return` /
 * `exception` events, naming the class whose implementation runs. Untraced, it costs one
 * context lookup.
 */
import { currentContext, runInContext, type ExecContext } from '../context.js';
import type { TraceSession } from '../trace/session.js';

type Method = (this: object, ...args: unknown[]) => unknown;

const ORIGINAL = Symbol('sockscope.original');

/** Wraps `fn`, defined by class `cls` under the name `method`. */
export function traceMethod(fn: Method, cls: string, method: string): Method {
  const isAsync = fn.constructor.name === 'AsyncFunction';
  const wrapper = function (this: object, ...args: unknown[]): unknown {
    const ctx = currentContext();
    const session = ctx.session;
    if (session === undefined) return fn.apply(this, args);
    return callTraced({ fn, self: this, args, cls, method, isAsync }, ctx, session);
  };
  Object.defineProperty(wrapper, 'name', { value: method });
  Object.defineProperty(wrapper, ORIGINAL, { value: fn });
  return wrapper;
}

/** The unwrapped function behind a traced method (itself if it is not wrapped). */
export function originalMethod<F extends (...args: never[]) => unknown>(fn: F): F {
  return ((fn as unknown as Record<symbol, F | undefined>)[ORIGINAL] ?? fn);
}

interface Call {
  readonly fn: Method;
  readonly self: object;
  readonly args: unknown[];
  readonly cls: string;
  readonly method: string;
  readonly isAsync: boolean;
}

function callTraced(call: Call, ctx: ExecContext, session: TraceSession): unknown {
  const inner: ExecContext = { thread: ctx.thread, session, span: session.nextSpan(), parentSpan: ctx.span };
  const selfCls = selfClassName(call.self);
  const held = session.emit({ kind: 'call', method: call.method, cls: call.cls, self_cls: selfCls }, inner, call.isAsync);
  // A synchronous method cannot wait; only async ones are held at their call event.
  if (held && call.isAsync) return held.then(() => run(call, inner, session));
  return run(call, inner, session);
}

function run(call: Call, inner: ExecContext, session: TraceSession): unknown {
  const ended = { method: call.method, cls: call.cls };
  let result: unknown;
  try {
    result = runInContext(inner, () => call.fn.apply(call.self, call.args));
  } catch (err) {
    void session.emit({ kind: 'exception', ...ended, ...describeError(err) }, inner, false);
    throw err;
  }
  if (!(result instanceof Promise)) {
    void session.emit({ kind: 'return', ...ended }, inner, false);
    return result;
  }
  // The return (or exception) event; the caller goes on at once unless the tracer holds
  // the thread there (an `await` of nothing would still cost a promise and a tick).
  return result.then(
    (value: unknown) => {
      const held = session.emit({ kind: 'return', ...ended }, inner);
      return held ? held.then(() => value) : value;
    },
    (err: unknown) => {
      const held = session.emit({ kind: 'exception', ...ended, ...describeError(err) }, inner);
      if (held) return held.then(() => Promise.reject(err as Error));
      throw err;
    },
  );
}

function selfClassName(self: object): string {
  const ctor = (self as { constructor?: { __name__?: string; name: string } }).constructor;
  return ctor?.__name__ ?? ctor?.name ?? 'object';
}

/** The Python exception type and message of a thrown value. */
export function describeError(err: unknown): { exc_type: string; message: string } {
  if (err instanceof Error) return { exc_type: err.name, message: err.message };
  return { exc_type: 'Exception', message: String(err) };
}
