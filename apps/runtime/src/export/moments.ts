/**
 * The semantic events (everything but calls and returns) as Chrome instant events: a
 * category per family, and the event's own fields as args.
 */
import type { TraceEvent, TraceEventKind } from '@sockscope/core/trace';
import type { ChromeArgs, JsonValue } from './chrome-format.js';

/** The fields every event carries; the rest are the event's own data. */
const BASE_FIELDS = new Set(['seq', 't_ns', 'pid', 'tid', 'thread', 'span', 'parent_span', 'kind']);

/** The selector's idle polling: an event every poll_interval, left out unless asked for. */
export const POLLING_KINDS: ReadonlySet<TraceEventKind> = new Set<TraceEventKind>(['select_wait', 'select_timeout']);

/** The category of each kind of semantic event (viewers can filter by category). */
const CATEGORY: Partial<Record<TraceEventKind, string>> = {
  bind: 'socket',
  listen: 'socket',
  accept: 'socket',
  connect: 'socket',
  recv: 'socket',
  send: 'socket',
  socket_shutdown: 'socket',
  close: 'socket',
  select_ready: 'select',
  select_wait: 'select.poll',
  select_timeout: 'select.poll',
  thread_spawn: 'thread',
  thread_start: 'thread',
  thread_exit: 'thread',
  thread_join: 'thread',
  fork: 'process',
  child_start: 'process',
  child_exit: 'process',
  reap: 'process',
  node_difference: 'node_difference',
  stderr: 'stderr',
};

/** The category of a semantic event. */
export function momentCategory(kind: TraceEventKind): string {
  return CATEGORY[kind] ?? 'event';
}

/** The args of a semantic event: its seq and span, then its own fields (fd, nbytes, preview, ...). */
export function momentArgs(event: TraceEvent): ChromeArgs {
  const args: Record<string, JsonValue> = { seq: event.seq, span: event.span };
  for (const [key, value] of Object.entries(event)) {
    if (!BASE_FIELDS.has(key) && value !== undefined) args[key] = value as JsonValue;
  }
  return args;
}
