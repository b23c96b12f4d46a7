/**
 * A trace session: the sink events go to, plus the counters that make each event
 * unique (seq, span ids) and the epoch its times are measured from.
 */
import type { ExecContext } from '../context.js';
import type { EventDraft, TraceEvent } from './schema.js';

/**
 * Receives trace events. Returning a promise holds the emitting logical thread at that
 * event until it settles: that is how a live server is paused and stepped. `holdable` is
 * false for events emitted from synchronous code (a `close`, a thread spawn, the call of a
 * synchronous method): their thread cannot wait there, so a returned promise is ignored.
 */
export interface Tracer {
  emit(event: TraceEvent, holdable: boolean): void | Promise<void>;
}

/** How a session starts counting. A forked child continues its parent's session with these. */
export interface SessionOptions {
  /** The monotonic time (ns, from `process.hrtime.bigint()`) that `t_ns` counts from. */
  readonly epoch?: bigint;
  /** The first span id this session hands out. */
  readonly firstSpan?: number;
}

/** Stamps drafts into events and hands them to a tracer. */
export class TraceSession {
  readonly epoch: bigint;
  #seq = 0;
  #span: number;

  constructor(
    readonly tracer: Tracer,
    options: SessionOptions = {},
  ) {
    this.epoch = options.epoch ?? process.hrtime.bigint();
    this.#span = options.firstSpan ?? 1;
  }

  /** A fresh span id. */
  nextSpan(): number {
    return this.#span++;
  }

  /** Reserves `count` span ids (for a forked child) and returns the first. */
  reserveSpans(count: number): number {
    const first = this.#span;
    this.#span += count;
    return first;
  }

  /** Nanoseconds since the epoch. */
  now(): number {
    return Number(process.hrtime.bigint() - this.epoch);
  }

  /** Stamps a draft with the context's thread and span and sends it to the tracer. */
  emit(draft: EventDraft, ctx: ExecContext, holdable = true): void | Promise<void> {
    // One object, numbered here: this runs for every event of a traced server.
    const event = Object.assign(
      {
        seq: ++this.#seq,
        t_ns: this.now(),
        pid: process.pid,
        tid: ctx.thread.ident,
        thread: ctx.thread.name,
        span: ctx.span,
        parent_span: ctx.parentSpan,
      },
      draft,
    ) as TraceEvent;
    return this.tracer.emit(event, holdable);
  }

  /** Gives an already stamped event (e.g. from a forked child) its place in this trace. */
  forward(event: TraceEvent, holdable: boolean): void | Promise<void> {
    return this.tracer.emit({ ...event, seq: ++this.#seq }, holdable);
  }
}
