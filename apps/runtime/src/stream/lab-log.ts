/** What the runtime remembers of one lab's trace, to bring a joining viewer up to date. */
import type { CallEvent, ThreadInfo, TraceEvent } from '@sockscope/core';
import { OpenSpans } from './open-spans.js';
import { RingBuffer } from './ring-buffer.js';
import { ThreadTable } from './thread-table.js';

/** How a lab log is sized. */
export interface LabLogOptions {
  /** How many recent events it keeps (default {@link DEFAULT_RECENT_CAPACITY}). */
  readonly capacity?: number;
}

/** The default window of recent events per lab. */
export const DEFAULT_RECENT_CAPACITY = 50_000;

/** One lab's share of a `Snapshot`: the fields of `recent`, `threads` and `open_spans` keyed by that lab. */
export interface LabSnapshotPart {
  readonly recent: readonly TraceEvent[];
  readonly threads: readonly ThreadInfo[];
  readonly open_spans: readonly TraceEvent[];
}

/**
 * One lab's log: a bounded window of the most recent events (memory stays bounded however
 * long the lab runs), the total count, the thread table and the open calls. The thread
 * table and open calls cover the whole run, not just the window.
 */
export class LabLog {
  readonly #recent: RingBuffer<TraceEvent>;
  readonly #threads = new ThreadTable();
  readonly #spans = new OpenSpans();
  #total = 0;

  constructor(options: LabLogOptions = {}) {
    this.#recent = new RingBuffer(options.capacity ?? DEFAULT_RECENT_CAPACITY);
  }

  /** Records one event (call in trace order). */
  append(event: TraceEvent): void {
    this.#recent.push(event);
    this.#total++;
    this.#threads.observe(event);
    this.#spans.observe(event);
  }

  /** How many events the lab has had, including those that left the window. */
  get total(): number {
    return this.#total;
  }

  /** The window, oldest first. */
  recent(): TraceEvent[] {
    return this.#recent.toArray();
  }

  /** Every thread and process lane seen, in first-seen order. */
  threads(): ThreadInfo[] {
    return this.#threads.list();
  }

  /** The calls still running, ordered by seq. */
  openSpans(): CallEvent[] {
    return this.#spans.list();
  }

  /** The lab's part of a snapshot. */
  snapshotPart(): LabSnapshotPart {
    return { recent: this.recent(), threads: this.threads(), open_spans: this.openSpans() };
  }
}
