/**
 * The event log's logic: a one-line summary of each event, kind groups, filtering (by
 * kind, by text in Class.method or the thread name, by lane), and the arithmetic of a
 * fixed-row-height virtual list (which rows to render, where to scroll to keep a row in view).
 */
import type { TraceEvent, TraceEventKind } from '@sockscope/core/trace';
import { formatAddress } from '../pane-common.js';
import type { Lane } from '../../model/lanes.js';

/** Kinds of event, grouped for the filter chips. */
export type KindGroup = 'calls' | 'sockets' | 'select' | 'threads' | 'processes' | 'notes';

/** Each kind's group (a Record, so a new kind in the schema must be placed here). */
export const GROUP_OF: Readonly<Record<TraceEventKind, KindGroup>> = {
  call: 'calls',
  return: 'calls',
  exception: 'calls',
  bind: 'sockets',
  listen: 'sockets',
  accept: 'sockets',
  connect: 'sockets',
  recv: 'sockets',
  send: 'sockets',
  socket_shutdown: 'sockets',
  close: 'sockets',
  select_wait: 'select',
  select_ready: 'select',
  select_timeout: 'select',
  thread_spawn: 'threads',
  thread_start: 'threads',
  thread_exit: 'threads',
  thread_join: 'threads',
  fork: 'processes',
  child_start: 'processes',
  child_exit: 'processes',
  reap: 'processes',
  node_difference: 'notes',
  stderr: 'notes',
};

/** The groups, in chip order. */
export const KIND_GROUPS: readonly KindGroup[] = ['calls', 'sockets', 'select', 'threads', 'processes', 'notes'];

/** `Class.method` of a call, return or exception; null for other events. */
export function qualifiedName(e: TraceEvent): string | null {
  return e.kind === 'call' || e.kind === 'return' || e.kind === 'exception' ? `${e.cls}.${e.method}` : null;
}

/** A one-line, language-neutral summary: identifiers, numbers and arrows. */
export function eventSummary(e: TraceEvent): string {
  switch (e.kind) {
    case 'call':
      return e.self_cls !== e.cls ? `${e.cls}.${e.method}()  · self: ${e.self_cls}` : `${e.cls}.${e.method}()`;
    case 'return':
      return `${e.cls}.${e.method} ⇠`;
    case 'exception':
      return `${e.cls}.${e.method} ✕ ${e.exc_type}: ${e.message}`;
    case 'bind':
      return `fd ${e.fd} ${e.family} ${e.socket_type} → ${formatAddress(e.address)}`;
    case 'listen':
      return `fd ${e.fd} backlog=${e.backlog}`;
    case 'select_wait':
      return `timeout=${e.timeout ?? 'None'}`;
    case 'select_ready':
      return `fd ${e.fd} ready`;
    case 'select_timeout':
      return '—';
    case 'accept':
      return `fd ${e.fd} → conn fd ${e.conn_fd} · ${formatAddress(e.client_address)}`;
    case 'connect':
      return `fd ${e.fd} → ${formatAddress(e.address)} · ${formatAddress(e.local_address)}`;
    case 'recv':
    case 'send':
      return `fd ${e.fd} ${e.kind === 'recv' ? '⇐' : '⇒'} ${e.nbytes} B ${e.preview}${e.peer !== undefined ? ` · ${formatAddress(e.peer)}` : ''}`;
    case 'socket_shutdown':
      return `fd ${e.fd} ${e.how}`;
    case 'close':
      return `fd ${e.fd} (${e.role})`;
    case 'thread_spawn':
      return `→ ${e.child_name}${e.daemon ? ' (daemon)' : ''}`;
    case 'thread_start':
      return e.daemon ? '(daemon)' : '';
    case 'thread_exit':
      return '';
    case 'thread_join':
      return `⇢ ${e.joined_name}`;
    case 'fork':
      return `→ pid ${e.child_pid}`;
    case 'child_start':
      return `parent pid ${e.parent_pid}`;
    case 'child_exit':
      return `status ${e.status}`;
    case 'reap':
      return `pid ${e.child_pid} status ${e.status}`;
    case 'node_difference':
      return `${e.rule}: ${e.text}`;
    case 'stderr':
      return e.text.replace(/\s+$/, '').replace(/\n/g, ' ⏎ ');
  }
}

/** Milliseconds since the first event, as precise as the column has room for. */
export function formatMs(ms: number): string {
  const digits = ms < 1_000 ? 3 : ms < 100_000 ? 1 : 0;
  return ms.toFixed(digits);
}

/** What the log shows. */
export interface EventFilter {
  /** The groups shown. */
  readonly groups: ReadonlySet<KindGroup>;
  /** Case-insensitive text looked for in Class.method (and the class of self) and the thread name. */
  readonly text: string;
  /** The one lane shown (`pid:tid`), or null for all. */
  readonly lane: string | null;
}

/** Shows everything. */
export const ALL_EVENTS: EventFilter = { groups: new Set(KIND_GROUPS), text: '', lane: null };

/** Whether an event passes a filter (`needle`: the filter's text, lower-cased and trimmed). */
export function matches(e: TraceEvent, filter: EventFilter, needle: string): boolean {
  if (!filter.groups.has(GROUP_OF[e.kind])) return false;
  if (filter.lane !== null && `${e.pid}:${e.tid}` !== filter.lane) return false;
  if (needle === '') return true;
  if (e.thread.toLowerCase().includes(needle)) return true;
  const name = qualifiedName(e);
  if (name?.toLowerCase().includes(needle)) return true;
  return e.kind === 'call' && e.self_cls.toLowerCase().includes(needle);
}

/** The indices of the events in `[start, end)` that pass, appended to `into`. */
export function filterEvents(
  events: readonly TraceEvent[],
  filter: EventFilter,
  start = 0,
  end = events.length,
  into: number[] = [],
): number[] {
  const needle = filter.text.trim().toLowerCase();
  for (let i = start; i < end; i++) {
    const e = events[i];
    if (e && matches(e, filter, needle)) into.push(i);
  }
  return into;
}

/** The row showing the cursor: the last shown event at or before it (`exact` when it is the cursor's). */
export function rowOf(rows: readonly number[], index: number): { readonly row: number; readonly exact: boolean } {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] ?? Infinity) <= index) lo = mid + 1;
    else hi = mid;
  }
  const row = lo - 1;
  return { row, exact: row >= 0 && rows[row] === index };
}

/** The rows to render for a scroll position: those in view plus `overscan` on each side. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): { readonly start: number; readonly end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  return { start: Math.min(count, Math.max(0, first - overscan)), end: Math.min(count, last + overscan) };
}

/**
 * The scrollTop that brings `row` into view with the least movement, keeping `context` rows
 * around it when the viewport allows, or null when it is already in view that way.
 */
export function scrollToShow(row: number, scrollTop: number, viewport: number, rowHeight: number, context = 0): number | null {
  if (row < 0) return null;
  const room = Math.max(0, Math.min(context, Math.floor((viewport / rowHeight - 1) / 2)));
  const top = (row - room) * rowHeight;
  const bottom = (row + 1 + room) * rowHeight;
  if (top < scrollTop) return Math.max(0, top);
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return null;
}

/** The row a key moves to from `row` in a list of `count` rows with `page` rows in view; null for other keys. */
export function keyTarget(key: string, row: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const clamp = (r: number) => Math.min(count - 1, Math.max(0, r));
  switch (key) {
    case 'ArrowDown':
      return clamp(row + 1);
    case 'ArrowUp':
      return clamp(row < 0 ? 0 : row - 1);
    case 'PageDown':
      return clamp(row + Math.max(1, page - 1));
    case 'PageUp':
      return clamp(row - Math.max(1, page - 1));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The most lanes the lane filter lists (a flood of connections makes thousands of threads). */
export const MAX_LANE_CHOICES = 100;

/**
 * The lanes the lane filter lists, in drawing order: every server lane (main, loop), the
 * chosen one, and the newest others up to `max` in all; `hidden` counts the rest. A long
 * list of options is costly for the page to lay out at every new event, and unreadable.
 */
export function laneChoices(
  lanes: readonly Lane[],
  chosen: string | null,
  max = MAX_LANE_CHOICES,
): { readonly shown: readonly Lane[]; readonly hidden: number } {
  if (lanes.length <= max) return { shown: lanes, hidden: 0 };
  const keep = new Set<string>();
  for (const l of lanes) if (l.role === 'main' || l.role === 'loop' || l.key === chosen) keep.add(l.key);
  const others = lanes.filter((l) => !keep.has(l.key)).sort((a, b) => b.firstIndex - a.firstIndex);
  for (const l of others) {
    if (keep.size >= max) break;
    keep.add(l.key);
  }
  const shown = lanes.filter((l) => keep.has(l.key));
  return { shown, hidden: lanes.length - shown.length };
}
