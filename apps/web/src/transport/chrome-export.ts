/**
 * A small browser-side converter from a trace to the Chrome Trace Event Format, to open in
 * Perfetto (ui.perfetto.dev) or chrome://tracing:
 *
 * - a track per (pid, tid), named after the thread (and the process: the server or a child);
 * - each `call` … `return`/`exception` is a `B`/`E` slice `Class.method` on its thread;
 *   slices always nest per thread — a return whose call is not in the trace (a live window
 *   started later) becomes an instant, and calls still open at the end, or when the thread
 *   exits, are closed there;
 * - every semantic event (accept, recv, send, ...) is an instant with its fields as args;
 * - `thread_spawn` → `thread_start` and `fork` → `child_start` are flow arrows (`s` / `f`).
 *
 * Times are microseconds from the trace's epoch, never decreasing on a thread.
 */
import type { LabDescription, TraceEvent } from '@sockscope/core/trace';

/** One Chrome trace event (the subset written here). */
export interface ChromeEvent {
  readonly name: string;
  readonly ph: 'B' | 'E' | 'i' | 's' | 'f' | 'M';
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly cat?: string;
  readonly s?: 't';
  readonly id?: number;
  readonly bp?: 'e';
  readonly args?: Readonly<Record<string, unknown>>;
}

/** A whole Chrome trace (JSON Object Format). */
export interface ChromeTrace {
  readonly traceEvents: ChromeEvent[];
  readonly displayTimeUnit: 'ms';
  readonly otherData: Readonly<Record<string, string | number>>;
}

/** The fields every event has; the rest are the event's own data. */
const BASE_FIELDS = new Set(['seq', 't_ns', 'pid', 'tid', 'thread', 'span', 'parent_span', 'kind']);

interface Lane {
  readonly pid: number;
  readonly tid: number;
  /** Open slices, innermost last. */
  readonly open: Array<{ readonly span: number; readonly name: string }>;
  lastTs: number;
}

/** Converts events (and what ran, if known) to a Chrome trace object, ready for JSON.stringify. */
export function toChromeTrace(events: readonly TraceEvent[], description: LabDescription | null = null): ChromeTrace {
  const out: ChromeEvent[] = [];
  const meta: ChromeEvent[] = [];
  const lanes = new Map<string, Lane>();
  const processes = new Set<number>();
  const serverPid = events[0]?.pid ?? 0;
  const pendingFlows = new Map<string, number>();
  let nextFlow = 1;
  let endTs = 0;

  const laneOf = (e: TraceEvent): Lane => {
    const key = `${e.pid}:${e.tid}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { pid: e.pid, tid: e.tid, open: [], lastTs: 0 };
      lanes.set(key, lane);
      if (!processes.has(e.pid)) {
        processes.add(e.pid);
        const name = e.pid === serverPid ? `${description?.server_class ?? 'server'} (pid ${e.pid})` : `forked child (pid ${e.pid})`;
        meta.push({ name: 'process_name', ph: 'M', pid: e.pid, tid: 0, args: { name } });
      }
      meta.push({ name: 'thread_name', ph: 'M', pid: e.pid, tid: e.tid, args: { name: e.thread } });
    }
    return lane;
  };
  const stamp = (lane: Lane, tNs: number): number => {
    lane.lastTs = Math.max(lane.lastTs, tNs / 1000);
    endTs = Math.max(endTs, lane.lastTs);
    return lane.lastTs;
  };
  const closeAll = (lane: Lane, ts: number, why: string): void => {
    for (let slice = lane.open.pop(); slice !== undefined; slice = lane.open.pop()) {
      out.push({ name: slice.name, ph: 'E', pid: lane.pid, tid: lane.tid, ts, args: { note: why } });
    }
  };

  for (const e of events) {
    const lane = laneOf(e);
    const ts = stamp(lane, e.t_ns);
    switch (e.kind) {
      case 'call':
        if (e.span === null) {
          out.push({ name: `${e.cls}.${e.method}`, ph: 'i', s: 't', cat: 'call', pid: e.pid, tid: e.tid, ts, args: data(e) });
        } else {
          lane.open.push({ span: e.span, name: `${e.cls}.${e.method}` });
          out.push({ name: `${e.cls}.${e.method}`, ph: 'B', cat: 'call', pid: e.pid, tid: e.tid, ts, args: { self_cls: e.self_cls, seq: e.seq } });
        }
        break;
      case 'return':
      case 'exception': {
        const at = e.span === null ? -1 : lane.open.findLastIndex((slice) => slice.span === e.span);
        if (at < 0) {
          out.push({ name: `${e.cls}.${e.method} ${e.kind}`, ph: 'i', s: 't', cat: 'call.unmatched', pid: e.pid, tid: e.tid, ts, args: data(e) });
          break;
        }
        // Calls opened inside it and never closed end with it, so that slices still nest.
        while (lane.open.length > at + 1) {
          const inner = lane.open.pop();
          out.push({ name: inner?.name ?? '', ph: 'E', pid: e.pid, tid: e.tid, ts, args: { note: 'ended with its caller' } });
        }
        lane.open.pop();
        const args = e.kind === 'exception' ? { exception: `${e.exc_type}: ${e.message}`, seq: e.seq } : { seq: e.seq };
        out.push({ name: `${e.cls}.${e.method}`, ph: 'E', pid: e.pid, tid: e.tid, ts, args });
        break;
      }
      default: {
        const flowStart = e.kind === 'thread_spawn' ? `${e.pid}:${e.child_tid}` : e.kind === 'fork' ? `child:${e.child_pid}` : null;
        const flowEnd = e.kind === 'thread_start' ? `${e.pid}:${e.tid}` : e.kind === 'child_start' ? `child:${e.pid}` : null;
        const endId = flowEnd === null ? undefined : pendingFlows.get(flowEnd);
        if (flowEnd !== null && endId !== undefined) {
          pendingFlows.delete(flowEnd);
          out.push({ name: e.kind === 'thread_start' ? 'spawn' : 'fork', ph: 'f', bp: 'e', cat: 'flow', id: endId, pid: e.pid, tid: e.tid, ts });
        }
        out.push({ name: e.kind, ph: 'i', s: 't', cat: e.kind, pid: e.pid, tid: e.tid, ts, args: data(e) });
        if (flowStart !== null) {
          const id = nextFlow++;
          pendingFlows.set(flowStart, id);
          out.push({ name: e.kind === 'thread_spawn' ? 'spawn' : 'fork', ph: 's', cat: 'flow', id, pid: e.pid, tid: e.tid, ts });
        }
        if (e.kind === 'thread_exit' || e.kind === 'child_exit') closeAll(lane, ts, `ended by ${e.kind}`);
      }
    }
  }
  for (const lane of lanes.values()) closeAll(lane, Math.max(endTs, lane.lastTs), 'still running when the trace ended');
  // A flow whose other end is not in the trace would dangle: drop its start.
  const dangling = new Set(pendingFlows.values());
  const events2 = out.filter((c) => !(c.ph === 's' && c.id !== undefined && dangling.has(c.id)));

  return {
    traceEvents: [...meta, ...events2],
    displayTimeUnit: 'ms',
    otherData: {
      source: 'sockscope (browser export)',
      server_class: description?.server_class ?? 'unknown',
      mro: description?.mro.join(' → ') ?? 'unknown',
      handler_class: description?.handler_class ?? 'unknown',
      events: events.length,
    },
  };
}

/** An event's own fields (beyond those every event has), as instant args. */
function data(e: TraceEvent): Record<string, unknown> {
  const args: Record<string, unknown> = { seq: e.seq };
  for (const [key, value] of Object.entries(e)) if (!BASE_FIELDS.has(key)) args[key] = value;
  return args;
}
