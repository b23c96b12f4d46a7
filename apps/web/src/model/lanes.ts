/**
 * Lanes: one per logical thread and per forked child process, as the timeline shows them.
 * A lane's role says what it is in socketserver's terms.
 */
import type { TraceEvent } from '@sockscope/core/trace';

/** What a lane is: the main thread, the server loop, a request worker, a forked child, a client. */
export type LaneRole = 'main' | 'loop' | 'worker' | 'child' | 'client';

/** One thread of one process. */
export interface Lane {
  /** `pid:tid`. */
  readonly key: string;
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
  readonly role: LaneRole;
  /** Index (in the event list) of the lane's first and last events so far. */
  firstIndex: number;
  lastIndex: number;
  /** Index of the event that ended the lane (thread_exit / child_exit), if any. */
  endIndex: number | null;
}

/** The key of the lane an event belongs to. */
export function laneKey(e: Pick<TraceEvent, 'pid' | 'tid'>): string {
  return `${e.pid}:${e.tid}`;
}

/** The role of a new lane, from its thread name and whether its process is the server's. */
export function laneRole(name: string, isServerProcess: boolean): LaneRole {
  if (!isServerProcess) return 'child';
  if (name.startsWith('client-')) return 'client';
  if (name.endsWith('(process_request_thread)')) return 'worker';
  if (name === 'MainThread') return 'main';
  return 'loop';
}

/** The order lanes are drawn in: main, loop, workers and children by appearance, clients last. */
export function laneRank(role: LaneRole): number {
  return { main: 0, loop: 1, worker: 2, child: 2, client: 3 }[role];
}
