/**
 * The trace model: every event of a lab or a trace file, indexed into lanes, call spans,
 * markers and flows, built incrementally as events arrive. What the panes show at the
 * cursor is a pure function of the events up to it, so stepping back shows exactly what
 * stepping forward showed.
 */
import type { TraceEvent } from '@sockscope/core/trace';
import { laneKey, laneRank, laneRole, type Lane } from './lanes.js';
import type { Span } from './spans.js';

/** A semantic moment on a lane (accept, bytes, spawn, fork, exit, ...). */
export interface Marker {
  readonly index: number;
  readonly lane: string;
  readonly ns: number;
  readonly kind: TraceEvent['kind'];
}

/** An arrow from the event that started a lane to the lane's first event. */
export interface Flow {
  readonly fromLane: string;
  readonly fromIndex: number;
  readonly toLane: string;
  readonly toIndex: number;
  readonly kind: 'spawn' | 'fork';
}

const MARKER_KINDS = new Set<TraceEvent['kind']>([
  'accept', 'connect', 'recv', 'send', 'close', 'socket_shutdown', 'thread_spawn', 'thread_exit', 'thread_join',
  'fork', 'child_exit', 'reap', 'bind', 'listen', 'stderr', 'node_difference',
]);

/** Every event of one trace, indexed. */
export class TraceModel {
  readonly events: TraceEvent[] = [];
  readonly lanes = new Map<string, Lane>();
  readonly spans: Span[] = [];
  readonly markers: Marker[] = [];
  readonly flows: Flow[] = [];
  /** Events lost in transit (gap markers from the runtime), by the index they precede. */
  readonly gaps: Array<{ readonly index: number; readonly count: number }> = [];
  readonly #spanById = new Map<number, Span>();
  /** Spans not closed yet, in call order: the stacks at the newest event, kept as it grows. */
  readonly #openSpans = new Set<Span>();
  /** Every method called so far, by class. */
  readonly #methods = new Map<string, Set<string>>();
  /** The lane of the previous event: consecutive events are mostly on the same one. */
  #lastLane: Lane | null = null;
  readonly #pendingFlows = new Map<string, { fromLane: string; fromIndex: number; kind: 'spawn' | 'fork' }>();
  #serverPid: number | null = null;

  /** Adds events in order. `gap` > 0 says how many were lost before them. */
  append(events: readonly TraceEvent[], gap = 0): void {
    if (gap > 0) this.gaps.push({ index: this.events.length, count: gap });
    for (const e of events) this.#add(e);
  }

  get length(): number {
    return this.events.length;
  }

  /** The span with this id, if seen. */
  span(id: number | null): Span | undefined {
    return id === null ? undefined : this.#spanById.get(id);
  }

  /** The spans whose call is seen and whose end is not (yet), in call order. */
  openSpans(): Span[] {
    return [...this.#openSpans];
  }

  /** Every `Class.method` called so far. */
  methodNames(): string[] {
    const out: string[] = [];
    for (const [cls, methods] of this.#methods) for (const m of methods) out.push(`${cls}.${m}`);
    return out;
  }

  /** Lanes in drawing order. */
  orderedLanes(): Lane[] {
    return [...this.lanes.values()].sort(
      (a, b) => laneRank(a.role) - laneRank(b.role) || a.firstIndex - b.firstIndex,
    );
  }

  /** The first and last event times, ns. */
  timeRange(): readonly [number, number] {
    const first = this.events[0];
    const last = this.events[this.events.length - 1];
    return first && last ? [first.t_ns, Math.max(last.t_ns, first.t_ns + 1)] : [0, 1];
  }

  #add(e: TraceEvent): void {
    const index = this.events.length;
    this.events.push(e);
    this.#serverPid ??= e.pid;
    const lane = this.#lane(e, index);
    if (e.kind === 'call') this.#open(e, lane, index);
    else if (e.kind === 'return' || e.kind === 'exception') this.#close(e, index);
    if (MARKER_KINDS.has(e.kind)) this.markers.push({ index, lane: lane.key, ns: e.t_ns, kind: e.kind });
    this.#flows(e, lane, index);
    if (e.kind === 'thread_exit' || e.kind === 'child_exit') lane.endIndex = index;
  }

  #lane(e: TraceEvent, index: number): Lane {
    const last = this.#lastLane;
    if (last !== null && last.pid === e.pid && last.tid === e.tid) {
      last.lastIndex = index;
      return last;
    }
    const key = laneKey(e);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        key,
        pid: e.pid,
        tid: e.tid,
        name: e.thread,
        role: laneRole(e.thread, e.pid === this.#serverPid),
        firstIndex: index,
        lastIndex: index,
        endIndex: null,
      };
      this.lanes.set(key, lane);
    }
    lane.lastIndex = index;
    this.#lastLane = lane;
    return lane;
  }

  #open(e: Extract<TraceEvent, { kind: 'call' }>, lane: Lane, index: number): void {
    if (e.span === null) return;
    const parent = this.#spanById.get(e.parent_span ?? -1);
    const span: Span = {
      id: e.span,
      lane: lane.key,
      cls: e.cls,
      method: e.method,
      selfCls: e.self_cls,
      depth: parent?.lane === lane.key ? parent.depth + 1 : 0,
      parent: e.parent_span,
      startIndex: index,
      startNs: e.t_ns,
      endIndex: null,
      endNs: null,
      exception: null,
    };
    this.spans.push(span);
    this.#spanById.set(span.id, span);
    this.#openSpans.add(span);
    let methods = this.#methods.get(e.cls);
    if (!methods) {
      methods = new Set();
      this.#methods.set(e.cls, methods);
    }
    methods.add(e.method);
  }

  #close(e: Extract<TraceEvent, { kind: 'return' | 'exception' }>, index: number): void {
    const span = this.#spanById.get(e.span ?? -1);
    if (span?.endIndex !== null) return;
    span.endIndex = index;
    span.endNs = e.t_ns;
    this.#openSpans.delete(span);
    if (e.kind === 'exception') span.exception = `${e.exc_type}: ${e.message}`;
  }

  #flows(e: TraceEvent, lane: Lane, index: number): void {
    if (e.kind === 'thread_spawn') {
      this.#pendingFlows.set(`${e.pid}:${e.child_tid}`, { fromLane: lane.key, fromIndex: index, kind: 'spawn' });
    } else if (e.kind === 'fork') {
      this.#pendingFlows.set(`child:${e.child_pid}`, { fromLane: lane.key, fromIndex: index, kind: 'fork' });
    } else if (e.kind === 'thread_start' || e.kind === 'child_start') {
      const key = e.kind === 'thread_start' ? lane.key : `child:${e.pid}`;
      const from = this.#pendingFlows.get(key);
      if (from) {
        this.flows.push({ ...from, toLane: lane.key, toIndex: index });
        this.#pendingFlows.delete(key);
      }
    }
  }
}
