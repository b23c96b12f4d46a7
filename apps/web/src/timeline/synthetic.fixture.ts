/**
 * A synthetic ThreadingTCPServer trace of any size, for the timeline's tests and its
 * performance check: a serve_forever loop accepting requests, each handled in a new worker
 * thread (recv, send, close), with overlapping requests. About 35 events per request.
 */
import type { TraceEvent } from '@sockscope/core/trace';
import { TraceModel } from '../model/trace-model.js';

/** An event without the fields the generator stamps last. */
type Unstamped<E> = E extends TraceEvent ? Omit<E, 'seq' | 'thread' | 'pid'> : never;
type Draft = Unstamped<TraceEvent>;

/** Options of `syntheticEvents`. */
export interface SyntheticOptions {
  /** Nanoseconds between two accepted requests (default 400 µs). */
  readonly requestEveryNs?: number;
  /** How long a handler works (default 1.5 ms), so about four requests overlap. */
  readonly handleNs?: number;
  /** Reuse this many worker lanes round-robin (default: a new lane per request, as ThreadingMixIn does). */
  readonly workers?: number;
}

const PID = 4242;

/** About `count` events (whole requests) of a ThreadingTCPServer serving many clients, in trace order. */
export function syntheticEvents(count: number, options: SyntheticOptions = {}): TraceEvent[] {
  const every = options.requestEveryNs ?? 400_000;
  const handle = options.handleNs ?? 1_500_000;
  const drafts: Array<{ draft: Draft; thread: string }> = [];
  const names = new Map<number, string>([[1, 'MainThread'], [2, 'Thread-1 (serve_forever)']]);
  let spanId = 0;
  const push = (draft: Draft): void => {
    drafts.push({ draft, thread: names.get(draft.tid) ?? `Thread-${draft.tid - 1} (process_request_thread)` });
  };
  const call = (t: number, tid: number, cls: string, method: string, parent: number | null): number => {
    const span = ++spanId;
    push({ kind: 'call', t_ns: t, tid, span, parent_span: parent, cls, method, self_cls: 'ThreadingTCPServer' });
    return span;
  };
  const ret = (t: number, tid: number, span: number, parent: number | null, cls: string, method: string): void => {
    push({ kind: 'return', t_ns: t, tid, span, parent_span: parent, cls, method });
  };

  const serve = call(1_000, 2, 'BaseServer', 'serve_forever', null);
  const requests = Math.max(1, Math.round(count / 35));
  let t = 10_000;
  for (let r = 0; r < requests; r++, t += every) {
    const loop = 2;
    const worker = 3 + (options.workers === undefined ? r : r % options.workers);
    push({ kind: 'select_wait', t_ns: t, tid: loop, span: serve, parent_span: null, timeout: 0.5 });
    push({ kind: 'select_ready', t_ns: t + 5_000, tid: loop, span: serve, parent_span: null, fd: 3 });
    const noblock = call(t + 6_000, loop, 'BaseServer', '_handle_request_noblock', serve);
    const get = call(t + 7_000, loop, 'TCPServer', 'get_request', noblock);
    push({ kind: 'accept', t_ns: t + 9_000, tid: loop, span: get, parent_span: noblock, fd: 3, conn_fd: 10 + (r % 50), client_address: ['127.0.0.1', 40_000 + (r % 20_000)] });
    ret(t + 10_000, loop, get, noblock, 'TCPServer', 'get_request');
    const verify = call(t + 11_000, loop, 'BaseServer', 'verify_request', noblock);
    ret(t + 12_000, loop, verify, noblock, 'BaseServer', 'verify_request');
    const process = call(t + 13_000, loop, 'ThreadingMixIn', 'process_request', noblock);
    push({ kind: 'thread_spawn', t_ns: t + 20_000, tid: loop, span: process, parent_span: noblock, child_tid: worker, child_name: `Thread-${worker - 1} (process_request_thread)`, daemon: true });
    ret(t + 30_000, loop, process, noblock, 'ThreadingMixIn', 'process_request');
    ret(t + 31_000, loop, noblock, serve, 'BaseServer', '_handle_request_noblock');
    const actions = call(t + 32_000, loop, 'BaseServer', 'service_actions', serve);
    ret(t + 33_000, loop, actions, serve, 'BaseServer', 'service_actions');

    let w = t + 25_000;
    push({ kind: 'thread_start', t_ns: w, tid: worker, span: null, parent_span: null, daemon: true });
    const thread = call((w += 2_000), worker, 'ThreadingMixIn', 'process_request_thread', process);
    const finish = call((w += 2_000), worker, 'BaseServer', 'finish_request', thread);
    const init = call((w += 2_000), worker, 'BaseRequestHandler', '__init__', finish);
    const setup = call((w += 2_000), worker, 'BaseRequestHandler', 'setup', init);
    ret((w += 1_000), worker, setup, init, 'BaseRequestHandler', 'setup');
    const h = call((w += 1_000), worker, 'SlowEchoHandler', 'handle', init);
    push({ kind: 'recv', t_ns: (w += 50_000), tid: worker, span: h, parent_span: init, fd: 10, nbytes: 8, preview: "b'hello 1\\n'" });
    push({ kind: 'send', t_ns: (w += handle), tid: worker, span: h, parent_span: init, fd: 10, nbytes: 8, preview: "b'hello 1\\n'" });
    ret((w += 5_000), worker, h, init, 'SlowEchoHandler', 'handle');
    const fin = call((w += 1_000), worker, 'BaseRequestHandler', 'finish', init);
    ret((w += 1_000), worker, fin, init, 'BaseRequestHandler', 'finish');
    ret((w += 1_000), worker, init, finish, 'BaseRequestHandler', '__init__');
    ret((w += 1_000), worker, finish, thread, 'BaseServer', 'finish_request');
    const shut = call((w += 1_000), worker, 'TCPServer', 'shutdown_request', thread);
    push({ kind: 'close', t_ns: (w += 3_000), tid: worker, span: shut, parent_span: thread, fd: 10, role: 'connection' });
    const closeReq = call((w += 1_000), worker, 'TCPServer', 'close_request', shut);
    ret((w += 1_000), worker, closeReq, shut, 'TCPServer', 'close_request');
    ret((w += 1_000), worker, shut, thread, 'TCPServer', 'shutdown_request');
    ret((w += 1_000), worker, thread, process, 'ThreadingMixIn', 'process_request_thread');
    push({ kind: 'thread_exit', t_ns: w + 1_000, tid: worker, span: null, parent_span: null });
  }
  ret(t + 10_000, 2, serve, null, 'BaseServer', 'serve_forever');

  // Interleave the threads by time (stable, so each thread keeps its own order).
  drafts.sort((a, b) => a.draft.t_ns - b.draft.t_ns);
  return drafts.map(({ draft, thread }, i) => ({ ...draft, seq: i + 1, pid: PID, thread }));
}

/** A model of `syntheticEvents(count)`. */
export function syntheticModel(count: number, options?: SyntheticOptions): TraceModel {
  const model = new TraceModel();
  model.append(syntheticEvents(count, options));
  return model;
}
