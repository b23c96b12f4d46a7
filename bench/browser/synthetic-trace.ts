/**
 * Synthetic but valid traces of any size for the `timeline` suite: a ThreadingTCPServer's
 * serve_forever loop accepting a request every 400 µs, each handled by one of a pool of
 * worker threads (nested call spans: process_request_thread → finish_request → __init__ →
 * setup/handle/finish, recv, send, shutdown_request → close), about 35 events a request.
 * Streamed in trace order (seq and t_ns increasing) so a million events never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { TraceEvent } from '@sockscope/core';

type Draft = Record<string, unknown> & { kind: string; t_ns: number; tid: number };

/** Options of the generator. */
export interface SyntheticTraceOptions {
  /** Worker threads (lanes) the requests go round (default 8). */
  readonly workers?: number;
  /** Nanoseconds between two accepted requests (default 400 µs). */
  readonly requestEveryNs?: number;
  /** How long a handler works (default 1.5 ms). */
  readonly handleNs?: number;
}

const PID = 4242;
const LOOP = 2;
const EVERY = 400_000;

/** The events of request `r` (unsorted, unstamped): the loop's part, then the worker's. */
function requestDrafts(r: number, t: number, nextSpan: () => number, serve: number, options: SyntheticTraceOptions): Draft[] {
  const workers = options.workers ?? 8;
  const handle = options.handleNs ?? 1_500_000;
  const worker = 3 + (r % workers);
  const out: Draft[] = [];
  const call = (at: number, tid: number, cls: string, method: string, parent: number | null): number => {
    const span = nextSpan();
    out.push({ kind: 'call', t_ns: at, tid, span, parent_span: parent, cls, method, self_cls: 'ThreadingTCPServer' });
    return span;
  };
  const ret = (at: number, tid: number, span: number, parent: number | null, cls: string, method: string): void => {
    out.push({ kind: 'return', t_ns: at, tid, span, parent_span: parent, cls, method });
  };
  out.push({ kind: 'select_wait', t_ns: t, tid: LOOP, span: serve, parent_span: null, timeout: 0.5 });
  out.push({ kind: 'select_ready', t_ns: t + 5_000, tid: LOOP, span: serve, parent_span: null, fd: 3 });
  const noblock = call(t + 6_000, LOOP, 'BaseServer', '_handle_request_noblock', serve);
  const get = call(t + 7_000, LOOP, 'TCPServer', 'get_request', noblock);
  const fd = 10 + (r % workers);
  out.push({ kind: 'accept', t_ns: t + 9_000, tid: LOOP, span: get, parent_span: noblock, fd: 3, conn_fd: fd, client_address: ['127.0.0.1', 40_000 + (r % 20_000)] });
  ret(t + 10_000, LOOP, get, noblock, 'TCPServer', 'get_request');
  const verify = call(t + 11_000, LOOP, 'BaseServer', 'verify_request', noblock);
  ret(t + 12_000, LOOP, verify, noblock, 'BaseServer', 'verify_request');
  const proc = call(t + 13_000, LOOP, 'ThreadingMixIn', 'process_request', noblock);
  out.push({ kind: 'thread_spawn', t_ns: t + 20_000, tid: LOOP, span: proc, parent_span: noblock, child_tid: worker, child_name: workerName(worker), daemon: true });
  ret(t + 30_000, LOOP, proc, noblock, 'ThreadingMixIn', 'process_request');
  ret(t + 31_000, LOOP, noblock, serve, 'BaseServer', '_handle_request_noblock');
  const actions = call(t + 32_000, LOOP, 'BaseServer', 'service_actions', serve);
  ret(t + 33_000, LOOP, actions, serve, 'BaseServer', 'service_actions');

  let w = t + 25_000;
  out.push({ kind: 'thread_start', t_ns: w, tid: worker, span: null, parent_span: null, daemon: true });
  const thread = call((w += 2_000), worker, 'ThreadingMixIn', 'process_request_thread', proc);
  const finish = call((w += 2_000), worker, 'BaseServer', 'finish_request', thread);
  const init = call((w += 2_000), worker, 'BaseRequestHandler', '__init__', finish);
  const setup = call((w += 2_000), worker, 'BaseRequestHandler', 'setup', init);
  ret((w += 1_000), worker, setup, init, 'BaseRequestHandler', 'setup');
  const h = call((w += 1_000), worker, 'SlowEchoHandler', 'handle', init);
  out.push({ kind: 'recv', t_ns: (w += 50_000), tid: worker, span: h, parent_span: init, fd, nbytes: 8, preview: "b'hello 1\\n'" });
  out.push({ kind: 'send', t_ns: (w += handle), tid: worker, span: h, parent_span: init, fd, nbytes: 8, preview: "b'hello 1\\n'" });
  ret((w += 5_000), worker, h, init, 'SlowEchoHandler', 'handle');
  const fin = call((w += 1_000), worker, 'BaseRequestHandler', 'finish', init);
  ret((w += 1_000), worker, fin, init, 'BaseRequestHandler', 'finish');
  ret((w += 1_000), worker, init, finish, 'BaseRequestHandler', '__init__');
  ret((w += 1_000), worker, finish, thread, 'BaseServer', 'finish_request');
  const shut = call((w += 1_000), worker, 'TCPServer', 'shutdown_request', thread);
  out.push({ kind: 'close', t_ns: (w += 3_000), tid: worker, span: shut, parent_span: thread, fd, role: 'connection' });
  const closeReq = call((w += 1_000), worker, 'TCPServer', 'close_request', shut);
  ret((w += 1_000), worker, closeReq, shut, 'TCPServer', 'close_request');
  ret((w += 1_000), worker, shut, thread, 'TCPServer', 'shutdown_request');
  ret((w += 1_000), worker, thread, proc, 'ThreadingMixIn', 'process_request_thread');
  out.push({ kind: 'thread_exit', t_ns: w + 1_000, tid: worker, span: null, parent_span: null });
  return out;
}

function workerName(tid: number): string {
  return `Thread-${tid - 2} (process_request_thread)`;
}

function threadName(tid: number): string {
  return tid === LOOP ? 'MainThread' : workerName(tid);
}

/**
 * About `count` events (whole requests, at least `count`) in trace order. A worker's
 * requests never overlap (`workers` × the request interval exceeds a request's length),
 * so each lane's spans nest properly.
 */
export function* syntheticTrace(count: number, options: SyntheticTraceOptions = {}): Generator<TraceEvent> {
  const every = options.requestEveryNs ?? EVERY;
  let span = 0;
  const nextSpan = (): number => ++span;
  let seq = 0;
  const stamp = (d: Draft): TraceEvent => ({ ...d, seq: ++seq, pid: PID, thread: threadName(d.tid) }) as unknown as TraceEvent;
  const serve = nextSpan();
  yield stamp({ kind: 'call', t_ns: 1_000, tid: LOOP, span: serve, parent_span: null, cls: 'BaseServer', method: 'serve_forever', self_cls: 'ThreadingTCPServer' });
  let pending: Draft[] = [];
  let t = 10_000;
  for (let r = 0; seq + pending.length < count - 1; r++, t += every) {
    pending.push(...requestDrafts(r, t, nextSpan, serve, options));
    // Nothing of a later request happens before its start: what is older than that is final.
    pending.sort((a, b) => a.t_ns - b.t_ns);
    const cut = pending.findIndex((d) => d.t_ns >= t + every);
    const ready = cut < 0 ? pending : pending.slice(0, cut);
    pending = cut < 0 ? [] : pending.slice(cut);
    for (const d of ready) yield stamp(d);
  }
  for (const d of pending) yield stamp(d);
  const last = Math.max(t, 10_000);
  yield stamp({ kind: 'return', t_ns: last + 10_000_000, tid: LOOP, span: serve, parent_span: null, cls: 'BaseServer', method: 'serve_forever' });
}

/** The header line of the bundled ThreadingTCPServer example, with this trace's date and no scenario. */
export function syntheticHeader(): Record<string, unknown> {
  const file = new URL('../../apps/web/public/examples/ThreadingTCPServer.jsonl', import.meta.url);
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  const header = JSON.parse(first) as Record<string, unknown>;
  return { ...header, created_at: new Date().toISOString(), scenario: null };
}

/** Writes a trace file (header line, then one event a line) of about `count` events; returns how many were written. */
export async function writeSyntheticTrace(path: string, count: number, options: SyntheticTraceOptions = {}): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  let chunk = `${JSON.stringify(syntheticHeader())}\n`;
  for (const event of syntheticTrace(count, options)) {
    chunk += `${JSON.stringify(event)}\n`;
    written++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return written;
}
