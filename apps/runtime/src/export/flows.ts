/**
 * Flow arrows between threads and processes: from a `thread_spawn` to the new thread's
 * `thread_start`, and from a `fork` to the child's `child_start`. Only pairs whose two
 * ends are both in the trace get an arrow (a cut trace may hold a spawn without its start).
 */
import type { TraceEvent } from '@sockscope/core/trace';

/** Which end of which arrow an event is, if any. */
export interface FlowEnd {
  readonly key: string;
  readonly end: 's' | 'f';
  /** The arrow's name: `thread_spawn` or `fork`. */
  readonly name: string;
}

/** The flow end an event is, or undefined. */
export function flowEndOf(event: TraceEvent): FlowEnd | undefined {
  switch (event.kind) {
    case 'thread_spawn':
      return { key: `thread:${event.pid}:${event.child_tid}`, end: 's', name: 'thread_spawn' };
    case 'thread_start':
      return { key: `thread:${event.pid}:${event.tid}`, end: 'f', name: 'thread_spawn' };
    case 'fork':
      return { key: `process:${event.child_pid}`, end: 's', name: 'fork' };
    case 'child_start':
      return { key: `process:${event.pid}`, end: 'f', name: 'fork' };
    default:
      return undefined;
  }
}

/** Gives each arrow with both ends in `events` an id (from 1); the first start and end of a key count. */
export function pairFlows(events: readonly TraceEvent[]): ReadonlyMap<string, number> {
  const starts = new Set<string>();
  const ends = new Set<string>();
  const order: string[] = [];
  for (const event of events) {
    const flow = flowEndOf(event);
    if (flow === undefined) continue;
    if (!starts.has(flow.key) && !ends.has(flow.key)) order.push(flow.key);
    (flow.end === 's' ? starts : ends).add(flow.key);
  }
  const ids = new Map<string, number>();
  for (const key of order) if (starts.has(key) && ends.has(key)) ids.set(key, ids.size + 1);
  return ids;
}
