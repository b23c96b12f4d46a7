/** Running code under a tracer: Python's `sys.setprofile` + `threading.setprofile` for one lab. */
import { currentContext, runInContext } from '../context.js';
import { TraceSession, type Tracer } from './session.js';

/**
 * Runs `fn` with `tracer` recording every call and semantic event it causes, in this
 * logical thread and in every thread it starts. Returns what `fn` returns.
 */
export function traced<R>(tracer: Tracer | TraceSession, fn: () => R): R {
  const session = tracer instanceof TraceSession ? tracer : new TraceSession(tracer);
  const ctx = currentContext();
  return runInContext({ ...ctx, session }, fn);
}
