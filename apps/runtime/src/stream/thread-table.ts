/** The logical threads and process lanes a lab has had, and whether each still runs. */
import type { ThreadInfo, TraceEvent } from '@sockscope/core';

interface Row {
  readonly pid: number;
  readonly tid: number;
  name: string;
  alive: boolean;
}

/**
 * Every (pid, tid) that has emitted an event, in the order first seen. A thread dies at its
 * `thread_exit`; every thread of a process dies at that process's `child_exit` (or at the
 * parent's `reap` of it, in case the child died without saying so). `thread_start` and
 * `child_start` make a lane alive again, because the OS may reuse a reaped child's pid.
 */
export class ThreadTable {
  readonly #rows = new Map<string, Row>();

  /** Updates the table with one event. */
  observe(event: TraceEvent): void {
    const key = `${event.pid}:${event.tid}`;
    let row = this.#rows.get(key);
    if (row === undefined) {
      row = { pid: event.pid, tid: event.tid, name: event.thread, alive: true };
      this.#rows.set(key, row);
    }
    row.name = event.thread;
    switch (event.kind) {
      case 'thread_start':
      case 'child_start':
        row.alive = true;
        break;
      case 'thread_exit':
        row.alive = false;
        break;
      case 'child_exit':
        this.#endProcess(event.pid);
        break;
      case 'reap':
        this.#endProcess(event.child_pid);
        break;
      default:
        break;
    }
  }

  /** The table, in first-seen order (fresh objects: the caller may keep them). */
  list(): ThreadInfo[] {
    return [...this.#rows.values()].map(({ pid, tid, name, alive }) => ({ pid, tid, name, alive }));
  }

  #endProcess(pid: number): void {
    for (const row of this.#rows.values()) if (row.pid === pid) row.alive = false;
  }
}
