/**
 * Breakpoints and run-to targets in the browser. The matching itself is core's, shared with
 * the runtime's step controller, so a breakpoint stops a replay at the event where it would
 * have stopped the live lab; this file adds the editing helpers.
 */
import {
  hitsBreakpoint,
  matchesMethod,
  matchesTarget,
  NO_BREAKPOINTS,
  TRACE_EVENT_KINDS,
  type Breakpoints,
  type TraceEventKind,
} from '@sockscope/core/trace';

export { hitsBreakpoint, matchesMethod, matchesTarget, NO_BREAKPOINTS };

/** The three lists of a Breakpoints value. */
export type BreakpointField = keyof Breakpoints;

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
