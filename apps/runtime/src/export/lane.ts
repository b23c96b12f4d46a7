/**
 * One thread's track in a Chrome trace: its clock and its stack of open slices. It is
 * the only place that writes `B`/`E`, so it can guarantee what the viewers need: per
 * thread, slices nest, and every event has a later time than the one before.
 */
import type { ChromeArgs, ChromeTraceEvent } from './chrome-format.js';

interface OpenSlice {
  /** The call span; null for the thread's root slice. */
  readonly span: number | null;
  readonly name: string;
  readonly cat: string;
}

/** What `close` did. */
export type CloseResult = 'closed' | 'already-closed' | 'unknown';

/** A (pid, tid) track that appends its Chrome events to `out`. */
export class ChromeLane {
  readonly #out: ChromeTraceEvent[];
  #lastNs = -Infinity;
  readonly #stack: OpenSlice[] = [];
  /** Spans closed because an enclosing call returned first; their own return comes late. */
  readonly #closedEarly = new Set<number>();
  /** Every span this lane has opened. */
  readonly #seen = new Set<number>();

  constructor(
    readonly pid: number,
    readonly tid: number,
    /** The thread's name: the root slice's name. */
    readonly name: string,
    out: ChromeTraceEvent[],
  ) {
    this.#out = out;
  }

  /** True when only the root slice (or nothing) is open. */
  get idle(): boolean {
    return this.#stack.length <= 1;
  }

  /** True when the lane has opened `span` (and maybe closed it since). */
  hasSeen(span: number): boolean {
    return this.#seen.has(span);
  }

  /**
   * The time of the lane's next event, µs. Equal times on one thread would leave the
   * viewers to guess the order of a B and an E, so each event is at least 1 ns after the
   * previous one (the shift stays in the nanoseconds).
   */
  #ts(ns: number): number {
    this.#lastNs = Math.max(ns, this.#lastNs + 1);
    return this.#lastNs / 1000;
  }

  /** Opens the root slice (the thread's life, so that every event has an enclosing slice). */
  ensureRoot(ns: number): void {
    if (this.#stack.length > 0) return;
    this.#stack.push({ span: null, name: this.name, cat: 'thread' });
    this.#emitDuration('B', this.name, 'thread', ns, { pid: this.pid, tid: this.tid });
  }

  /** Opens a slice for call `span`. */
  open(span: number, name: string, cat: string, ns: number, args: ChromeArgs): void {
    this.ensureRoot(ns);
    this.#stack.push({ span, name, cat });
    this.#seen.add(span);
    this.#emitDuration('B', name, cat, ns, args);
  }

  /**
   * Closes the slice of `span`. Slices opened inside it and still open are closed first
   * (with `args.unfinished`), so that nesting stays valid; their returns, when they come,
   * are ignored.
   */
  close(span: number, ns: number, args?: ChromeArgs): CloseResult {
    const index = this.#stack.findLastIndex((slice) => slice.span === span);
    if (index <= 0) return this.#closedEarly.delete(span) ? 'already-closed' : 'unknown';
    while (this.#stack.length - 1 > index) {
      const inner = this.#stack.pop();
      if (inner?.span != null) this.#closedEarly.add(inner.span);
      if (inner !== undefined) this.#emitDuration('E', inner.name, inner.cat, ns, { unfinished: `still open when span ${span} ended` });
    }
    const slice = this.#stack.pop();
    if (slice !== undefined) this.#emitDuration('E', slice.name, slice.cat, ns, args);
    return 'closed';
  }

  /** Closes every open slice, the root last (the thread exited, or the trace ended). */
  closeAll(ns: number, reason: string): void {
    while (this.#stack.length > 0) {
      const slice = this.#stack.pop();
      if (slice === undefined) break;
      if (slice.span !== null) this.#closedEarly.add(slice.span);
      this.#emitDuration('E', slice.name, slice.cat, ns, slice.span === null ? undefined : { unfinished: reason });
    }
  }

  /** A moment on this thread. */
  instant(name: string, cat: string, ns: number, args: ChromeArgs): void {
    this.ensureRoot(ns);
    this.#out.push({ ph: 'i', s: 't', name, cat, pid: this.pid, tid: this.tid, ts: this.#ts(ns), args });
  }

  /** One end of a flow arrow, bound to the slice open here. */
  flow(ph: 's' | 'f', id: number, name: string, ns: number): void {
    this.ensureRoot(ns);
    const ts = this.#ts(ns);
    const base = { ph, id, name, cat: 'flow', pid: this.pid, tid: this.tid, ts };
    this.#out.push(ph === 'f' ? { ...base, bp: 'e' } : base);
  }

  #emitDuration(ph: 'B' | 'E', name: string, cat: string, ns: number, args: ChromeArgs | undefined): void {
    const event = { ph, name, cat, pid: this.pid, tid: this.tid, ts: this.#ts(ns) };
    this.#out.push(args === undefined ? event : { ...event, args });
  }
}
