/**
 * Which events a breakpoint or a run-to target stops at: one definition for the live lab's
 * step controller and the web app's replay, so both stop at the same event.
 */
import type { Breakpoints, RunTarget } from './protocol.js';
import type { TraceEvent } from './schema.js';

/** Breakpoints that match nothing. */
export const NO_BREAKPOINTS: Breakpoints = Object.freeze({ kinds: [], methods: [], threads: [] });

/**
 * Whether `pattern` names the method of a `call` / `return` / `exception` event: either the
 * bare Python name (`process_request`) or `Class.method` with the class whose implementation
 * runs (`ThreadingMixIn.process_request`, i.e. the event's `cls`, not `self_cls`). Other
 * kinds have no method and never match.
 */
export function matchesMethod(pattern: string, event: TraceEvent): boolean {
  if (event.kind !== 'call' && event.kind !== 'return' && event.kind !== 'exception') return false;
  return pattern === event.method || pattern === `${event.cls}.${event.method}`;
}

/** Whether any breakpoint matches: its kind, its method, or its thread name is listed (ORed). */
export function hitsBreakpoint(breakpoints: Breakpoints, event: TraceEvent): boolean {
  return (
    breakpoints.kinds.includes(event.kind) ||
    breakpoints.methods.some((pattern) => matchesMethod(pattern, event)) ||
    breakpoints.threads.includes(event.thread)
  );
}

/** Whether the event is what a run-to target waits for: every field given must match (ANDed); `{}` matches any event. */
export function matchesTarget(target: RunTarget, event: TraceEvent): boolean {
  return (
    (target.kind === undefined || target.kind === event.kind) &&
    (target.method === undefined || matchesMethod(target.method, event)) &&
    (target.thread === undefined || target.thread === event.thread)
  );
}
