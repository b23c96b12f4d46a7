/**
 * Exports a trace file to the Chrome Trace Event Format, to open in Perfetto
 * (ui.perfetto.dev) or chrome://tracing:
 *
 * - a track per process (the server, each forked child) and per thread, named by metadata;
 * - a slice per method call, `Class.method`, from its call to its return or exception,
 *   inside a root slice that spans the thread's life;
 * - an instant event per semantic moment (accept, recv, send, ...) with its data as args;
 * - flow arrows from `thread_spawn` to `thread_start` and from `fork` to `child_start`.
 */
import type { CallEvent, TraceEvent, TraceFile } from '@sockscope/core/trace';
import type { ChromeArgs, ChromeTrace, ChromeTraceEvent } from './chrome-format.js';
import { flowEndOf, pairFlows } from './flows.js';
import { ChromeLane } from './lane.js';
import { momentArgs, momentCategory, POLLING_KINDS } from './moments.js';
import { findTracks, trackKey, trackMetadata } from './tracks.js';

/** Export choices. */
export interface ChromeExportOptions {
  /** Keep the selector's idle polling (`select_wait`, `select_timeout`), category `select.poll`. Default false. */
  readonly polling?: boolean;
}

/** Converts a parsed trace file to a Chrome trace object (ready for `JSON.stringify`). */
export function toChromeTrace(file: TraceFile, options: ChromeExportOptions = {}): ChromeTrace {
  const tracks = findTracks(file);
  const out: ChromeTraceEvent[] = [];
  const lanes = new Map<string, ChromeLane>();
  const laneOf = (event: TraceEvent): ChromeLane => {
    const key = trackKey(event.pid, event.tid);
    let lane = lanes.get(key);
    if (lane === undefined) {
      lane = new ChromeLane(event.pid, event.tid, tracks.threads.get(key)?.name ?? event.thread, out);
      lanes.set(key, lane);
    }
    return lane;
  };
  const flows = pairFlows(file.events);
  const calls = new Map<number, CallEvent>();
  let endNs = 0;

  for (const event of file.events) {
    endNs = Math.max(endNs, event.t_ns);
    if (POLLING_KINDS.has(event.kind) && options.polling !== true) continue;
    const lane = laneOf(event);
    lane.ensureRoot(event.t_ns);
    continueForkedCall(lane, event, calls);
    switch (event.kind) {
      case 'call':
        if (event.span === null) {
          lane.instant(`${event.cls}.${event.method}`, 'call.unmatched', event.t_ns, { ...momentArgs(event), note: 'a call without a span' });
        } else {
          calls.set(event.span, event);
          lane.open(event.span, `${event.cls}.${event.method}`, 'call', event.t_ns, { self_cls: event.self_cls, span: event.span, seq: event.seq });
        }
        break;
      case 'return':
      case 'exception':
        endCall(lane, event);
        break;
      case 'thread_exit':
      case 'child_exit':
        lane.instant(event.kind, momentCategory(event.kind), event.t_ns, momentArgs(event));
        // Nothing returns after this: a thread's target has returned, a child called os._exit().
        lane.closeAll(event.t_ns, `ended by ${event.kind}`);
        break;
      default: {
        const flow = flowEndOf(event);
        const id = flow === undefined ? undefined : flows.get(flow.key);
        // The arrow's head goes in first, so that it binds to the new thread's root slice.
        if (flow?.end === 'f' && id !== undefined) lane.flow('f', id, flow.name, event.t_ns);
        lane.instant(event.kind, momentCategory(event.kind), event.t_ns, momentArgs(event));
        if (flow?.end === 's' && id !== undefined) lane.flow('s', id, flow.name, event.t_ns);
      }
    }
  }
  // Calls still running when the trace ends end with it.
  for (const lane of lanes.values()) lane.closeAll(endNs, 'still running when the trace ended');

  return {
    traceEvents: [...trackMetadata(tracks), ...out],
    displayTimeUnit: 'ms',
    otherData: summary(file),
  };
}

/** Ends the slice of a returning (or raising) call. */
function endCall(lane: ChromeLane, event: Extract<TraceEvent, { kind: 'return' | 'exception' }>): void {
  const args: ChromeArgs | undefined = event.kind === 'exception' ? { exception: `${event.exc_type}: ${event.message}` } : undefined;
  const result = event.span === null ? 'unknown' : lane.close(event.span, event.t_ns, args);
  if (result === 'unknown') {
    // Its call is not in this trace (the recording started later): a moment, not a slice.
    lane.instant(`${event.cls}.${event.method} ${event.kind}`, 'call.unmatched', event.t_ns, { ...momentArgs(event), note: 'its call is not in this trace' });
  }
}

/**
 * A forked child starts inside the parent's `process_request` call: its events sit in a
 * span whose call the parent made. Give the child a slice for that call too, so its
 * calls nest inside it as they do in Python.
 */
function continueForkedCall(lane: ChromeLane, event: TraceEvent, calls: ReadonlyMap<number, CallEvent>): void {
  if (!lane.idle) return;
  const span = event.kind === 'call' ? event.parent_span : event.span;
  if (span === null || lane.hasSeen(span)) return;
  const call = calls.get(span);
  if (call === undefined || call.pid === event.pid) return;
  lane.open(span, `${call.cls}.${call.method}`, 'call', event.t_ns, { self_cls: call.self_cls, span, seq: call.seq, continued_from_pid: call.pid });
}

/** The header, flattened for `otherData`. */
function summary(file: TraceFile): Record<string, string | number | boolean> {
  const { header } = file;
  return {
    source: 'sockscope',
    format: header.format,
    version: header.version,
    schema_version: header.schema_version,
    backend: header.backend,
    created_at: header.created_at,
    server_class: header.server_class,
    mro: header.mro.join(' → '),
    handler: header.handler,
    handler_class: header.handler_class,
    handler_mro: header.handler_mro.join(' → '),
    scenario: header.scenario === null ? 'none' : (header.scenario.description ?? 'a scenario without a description'),
    events: file.events.length,
    truncated: file.truncated,
  };
}
