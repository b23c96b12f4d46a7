/**
 * Breakpoints and run-to targets in the browser: the same matching as the runtime's step
 * controller (apps/runtime/src/stepping/match.ts), so a breakpoint stops a replay at the
 * event where it would have stopped the live lab. Pure functions over the shared types.
 */
import { TRACE_EVENT_KINDS, type Breakpoints, type RunTarget, type TraceEvent, type TraceEventKind } from '@sockscope/core/trace';

/** Breakpoints that match nothing. */
export const NO_BREAKPOINTS: Breakpoints = Object.freeze({ kinds: [], methods: [], threads: [] });

/** The three lists of a Breakpoints value. */
export type BreakpointField = keyof Breakpoints;

/**
 * Whether `pattern` names the method of a `call` / `return` / `exception` event: the bare
 * Python name (`process_request`) or `Class.method` with the class whose implementation
 * runs (the event's `cls`, e.g. `ThreadingMixIn.process_request`).
 */
export function matchesMethod(pattern: string, event: TraceEvent): boolean {
  if (event.kind !== 'call' && event.kind !== 'return' && event.kind !== 'exception') return false;
  return pattern === event.method || pattern === `${event.cls}.${event.method}`;
}

/** Whether any breakpoint matches the event: its kind, its method or its thread (ORed). */
export function hitsBreakpoint(breakpoints: Breakpoints, event: TraceEvent): boolean {
  return (
    breakpoints.kinds.includes(event.kind) ||
    breakpoints.methods.some((pattern) => matchesMethod(pattern, event)) ||
    breakpoints.threads.includes(event.thread)
  );
}

/** Whether the event is what a run-to target waits for: every given field matches (ANDed). */
export function matchesTarget(target: RunTarget, event: TraceEvent): boolean {
  return (
    (target.kind === undefined || target.kind === event.kind) &&
    (target.method === undefined || matchesMethod(target.method, event)) &&
    (target.thread === undefined || target.thread === event.thread)
  );
}

/** How many breakpoints are set. */
export function breakpointCount(b: Breakpoints): number {
  return b.kinds.length + b.methods.length + b.threads.length;
}

/** Whether `value` is set in `field`. */
export function hasBreakpoint(b: Breakpoints, field: BreakpointField, value: string): boolean {
  return (b[field] as readonly string[]).includes(value);
}

/** `b` with `value` added to `field` (unchanged if already there). */
export function addBreakpoint(b: Breakpoints, field: BreakpointField, value: string): Breakpoints {
  if (hasBreakpoint(b, field, value)) return b;
  return { ...b, [field]: [...b[field], value] };
}

/** `b` without `value` in `field`. */
export function removeBreakpoint(b: Breakpoints, field: BreakpointField, value: string): Breakpoints {
  return { ...b, [field]: (b[field] as readonly string[]).filter((v) => v !== value) };
}

/** `b` with `value` in `field` switched on or off. */
export function toggleBreakpoint(b: Breakpoints, field: BreakpointField, value: string): Breakpoints {
  return hasBreakpoint(b, field, value) ? removeBreakpoint(b, field, value) : addBreakpoint(b, field, value);
}

/** Every trace event kind, for pickers (the schema's own list). */
export const EVENT_KINDS: readonly TraceEventKind[] = TRACE_EVENT_KINDS;
