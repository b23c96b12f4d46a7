import type { TraceEvent, TraceFile } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { recordThreadedEcho } from '../recording/echo-lab.fixture.js';
import { sampleHeader, TraceBuilder } from '../recording/trace-builder.fixture.js';
import { toChromeTrace } from './chrome.js';
import { checkChromeTrace } from './chrome-check.js';
import type { ChromeDurationEvent, ChromeFlowEvent, ChromeInstantEvent, ChromeTrace, ChromeTraceEvent } from './chrome-format.js';
import { chromeTraceChunks } from './chrome-json.js';

const SERVER = 100;
const CHILD = 200;

/**
 * A small forking-and-threading run: the main thread builds the server and starts the
 * loop thread; the loop forks a child for one request, starts a thread for another, and a
 * verify_request raises; the new thread and the main thread's shutdown never return.
 */
function syntheticTrace(): TraceEvent[] {
  const b = new TraceBuilder();
  const main = b.lane(SERVER, 1, 'MainThread');
  const loop = b.lane(SERVER, 2, 'Thread-1 (serve_forever)');
  const worker = b.lane(SERVER, 3, 'Thread-2 (process_request_thread)');

  b.call(main, 'TCPServer.__init__');
  b.call(main, 'TCPServer.server_bind');
  b.event(main, { kind: 'bind', fd: 3, family: 'AF_INET', socket_type: 'SOCK_STREAM', requested: ['127.0.0.1', 0], address: ['127.0.0.1', 4242] });
  b.ret(main);
  b.call(main, 'TCPServer.server_activate');
  b.event(main, { kind: 'listen', fd: 3, backlog: 5 });
  b.ret(main);
  b.ret(main);
  b.event(main, { kind: 'thread_spawn', child_tid: 2, child_name: loop.thread, daemon: false });

  b.event(loop, { kind: 'thread_start', daemon: false });
  b.call(loop, 'BaseServer.serve_forever');
  b.event(loop, { kind: 'select_wait', timeout: 0.5 });
  b.event(loop, { kind: 'select_ready', fd: 3 });
  b.call(loop, 'BaseServer._handle_request_noblock');
  b.event(loop, { kind: 'accept', fd: 3, conn_fd: 4, client_address: ['127.0.0.1', 5000] });
  b.call(loop, 'BaseServer.verify_request');
  b.raise(loop, 'ValueError', 'no thanks');
  b.call(loop, 'ForkingMixIn.process_request');
  b.event(loop, { kind: 'fork', child_pid: CHILD });
  // The child continues inside the parent's process_request (and its caller).
  const child = b.lane(CHILD, 2, loop.thread, [...loop.stack]);
  b.event(child, { kind: 'child_start', parent_pid: SERVER });
  b.call(child, 'BaseServer.finish_request');
  b.event(child, { kind: 'recv', fd: 4, nbytes: 3, preview: "b'hi\\n'" });
  b.event(child, { kind: 'send', fd: 4, nbytes: 3, preview: "b'hi\\n'" });
  b.ret(child);
  b.event(child, { kind: 'child_exit', status: 0 });
  b.ret(loop);
  b.call(loop, 'ThreadingMixIn.process_request');
  b.event(loop, { kind: 'thread_spawn', child_tid: 3, child_name: worker.thread, daemon: true });
  b.ret(loop);
  b.ret(loop);
  b.event(worker, { kind: 'thread_start', daemon: true });
  b.call(worker, 'ThreadingMixIn.process_request_thread');
  b.call(worker, 'BaseServer.finish_request');
  b.event(loop, { kind: 'select_timeout' });
  b.call(main, 'BaseServer.shutdown');
  b.wait(5_000_000);
  b.event(loop, { kind: 'reap', child_pid: CHILD, status: 0 });
  return b.events;
}

function fileOf(events: TraceEvent[]): TraceFile {
  return { header: sampleHeader(), events, truncated: false };
}

const isPh = <P extends ChromeTraceEvent['ph']>(ph: P) => (e: ChromeTraceEvent): e is Extract<ChromeTraceEvent, { ph: P }> => e.ph === ph;
const slices = (trace: ChromeTrace, ph: 'B' | 'E'): ChromeDurationEvent[] => trace.traceEvents.filter(isPh(ph));
const instants = (trace: ChromeTrace): ChromeInstantEvent[] => trace.traceEvents.filter(isPh('i'));
const flowEvents = (trace: ChromeTrace): ChromeFlowEvent[] => trace.traceEvents.filter((e): e is ChromeFlowEvent => e.ph === 's' || e.ph === 'f');

describe('CHROME-1 the export is a Chrome JSON trace object', () => {
  it('parses back with JSON.parse, with traceEvents, displayTimeUnit and otherData', () => {
    const trace = toChromeTrace(fileOf(syntheticTrace()));
    const text = [...chromeTraceChunks(trace, 200)].join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(trace)));
    expect(trace.displayTimeUnit).toBe('ms');
    expect(trace.otherData).toMatchObject({ source: 'sockscope', server_class: 'ThreadingTCPServer', backend: 'core', truncated: false });
    expect(checkChromeTrace(trace)).toEqual([]);
  });

  it('a trace with no events is an empty but valid Chrome trace', () => {
    const trace = toChromeTrace(fileOf([]));
    expect(JSON.parse([...chromeTraceChunks(trace)].join(''))).toEqual({ traceEvents: [], displayTimeUnit: 'ms', otherData: trace.otherData });
  });
});

describe('CHROME-2 metadata names every process and thread', () => {
  it('the server by its class, forked children by pid, threads by their Python names', () => {
    const meta = toChromeTrace(fileOf(syntheticTrace())).traceEvents.filter(isPh('M'));
    const named = (name: string) => meta.filter((e) => e.name === name).map((e) => [e.pid, e.tid, 'name' in e.args ? e.args.name : e.args.sort_index]);
    expect(named('process_name')).toEqual([
      [SERVER, 0, 'server ThreadingTCPServer'],
      [CHILD, 0, `child ${CHILD}`],
    ]);
    expect(named('thread_name')).toEqual([
      [SERVER, 1, 'MainThread'],
      [SERVER, 2, 'Thread-1 (serve_forever)'],
      [CHILD, 2, 'Thread-1 (serve_forever)'],
      [SERVER, 3, 'Thread-2 (process_request_thread)'],
    ]);
  });
});

describe('CHROME-3 each call is a Class.method slice; slices nest per thread', () => {
  it('B/E pairs in stack order, args with self_cls and span; an exception ends its slice', () => {
    const trace = toChromeTrace(fileOf(syntheticTrace()));
    expect(checkChromeTrace(trace)).toEqual([]);
    const mainCalls = slices(trace, 'B').filter((e) => e.pid === SERVER && e.tid === 1).map((e) => e.name);
    expect(mainCalls).toEqual(['MainThread', 'TCPServer.__init__', 'TCPServer.server_bind', 'TCPServer.server_activate', 'BaseServer.shutdown']);
    expect(slices(trace, 'B').find((e) => e.name === 'TCPServer.server_bind')?.args).toMatchObject({ self_cls: 'ThreadingTCPServer', span: 2 });
    expect(slices(trace, 'E').find((e) => e.name === 'BaseServer.verify_request')?.args).toEqual({ exception: 'ValueError: no thanks' });
  });

  it('a call whose enclosing call returns first is closed with it, and nesting stays valid', () => {
    const b = new TraceBuilder();
    const main = b.lane(SERVER, 1, 'MainThread');
    b.call(main, 'BaseServer.serve_forever');
    b.call(main, 'BaseServer.service_actions');
    const inner = main.stack.pop();
    b.ret(main); // serve_forever returns while service_actions is open
    if (inner !== undefined) main.stack.push(inner);
    b.ret(main); // service_actions' late return
    const trace = toChromeTrace(fileOf(b.events));
    expect(checkChromeTrace(trace)).toEqual([]);
    expect(slices(trace, 'E').map((e) => [e.name, e.args?.['unfinished'] !== undefined])).toEqual([
      ['BaseServer.service_actions', true],
      ['BaseServer.serve_forever', false],
      ['MainThread', false],
    ]);
  });

  it('a return whose call is not in the trace is an instant, not a slice', () => {
    const b = new TraceBuilder();
    const main = b.lane(SERVER, 1, 'MainThread', [{ span: 99, cls: 'BaseServer', method: 'serve_forever' }]);
    b.ret(main);
    const trace = toChromeTrace(fileOf(b.events));
    expect(checkChromeTrace(trace)).toEqual([]);
    expect(instants(trace)).toMatchObject([{ name: 'BaseServer.serve_forever return', cat: 'call.unmatched' }]);
  });
});

describe('CHROME-4 semantic events are instants with their data as args', () => {
  it('accept, recv, send, bind... on their thread, scope t; idle polling left out unless asked', () => {
    const trace = toChromeTrace(fileOf(syntheticTrace()));
    const recv = instants(trace).find((e) => e.name === 'recv');
    expect(recv).toMatchObject({ s: 't', cat: 'socket', pid: CHILD, tid: 2, args: { fd: 4, nbytes: 3, preview: "b'hi\\n'" } });
    expect(instants(trace).find((e) => e.name === 'bind')?.args).toMatchObject({ address: ['127.0.0.1', 4242] });
    expect(instants(trace).map((e) => e.name)).toEqual(expect.arrayContaining(['accept', 'send', 'listen', 'select_ready', 'fork', 'child_start', 'reap']));
    expect(instants(trace).some((e) => e.name === 'select_wait' || e.name === 'select_timeout')).toBe(false);

    const polling = toChromeTrace(fileOf(syntheticTrace()), { polling: true });
    expect(instants(polling).filter((e) => e.cat === 'select.poll').map((e) => e.name)).toEqual(['select_wait', 'select_timeout']);
    expect(checkChromeTrace(polling)).toEqual([]);
  });
});

describe('CHROME-5 flow arrows join a spawn to its thread and a fork to its child', () => {
  it('s in the spawning slice, f (bp e) in the new thread or process, paired by id', () => {
    const trace = toChromeTrace(fileOf(syntheticTrace()));
    const flows = flowEvents(trace).map((e) => [e.ph, e.id, e.name, e.pid, e.tid, e.bp ?? '']);
    expect(flows).toEqual([
      ['s', 1, 'thread_spawn', SERVER, 1, ''],
      ['f', 1, 'thread_spawn', SERVER, 2, 'e'],
      ['s', 2, 'fork', SERVER, 2, ''],
      ['f', 2, 'fork', CHILD, 2, 'e'],
      ['s', 3, 'thread_spawn', SERVER, 2, ''],
      ['f', 3, 'thread_spawn', SERVER, 3, 'e'],
    ]);
  });

  it('a spawn whose thread never started (a cut trace) gets no arrow', () => {
    const events = syntheticTrace().filter((e) => !(e.kind === 'thread_start' && e.tid === 3));
    const trace = toChromeTrace(fileOf(events));
    expect(flowEvents(trace).map((e) => e.id)).toEqual([1, 1, 2, 2]);
    expect(checkChromeTrace(trace)).toEqual([]);
  });
});

describe('CHROME-6 slices still open at the end close at the last timestamp', () => {
  it('the unfinished calls and every thread end at the trace\'s last time; an exited thread ends at its exit', () => {
    const events = syntheticTrace();
    const lastUs = Math.max(...events.map((e) => e.t_ns)) / 1000;
    const trace = toChromeTrace(fileOf(events));
    const ends = slices(trace, 'E');
    for (const name of ['BaseServer.shutdown', 'BaseServer.finish_request', 'ThreadingMixIn.process_request_thread']) {
      const end = ends.filter((e) => e.name === name).at(-1);
      expect(end?.ts).toBeGreaterThanOrEqual(lastUs);
      expect(end?.ts).toBeLessThan(lastUs + 0.01); // within a few ns
      expect(end?.args?.['unfinished']).toBe('still running when the trace ended');
    }
    const childExit = instants(trace).find((e) => e.name === 'child_exit');
    const childRoot = ends.find((e) => e.pid === CHILD && e.name === 'Thread-1 (serve_forever)');
    expect(childRoot?.ts).toBeGreaterThan(childExit?.ts ?? Infinity);
    expect(childRoot?.ts).toBeLessThan(lastUs);
  });
});

describe('CHROME-7 ts is the event time in microseconds, strictly increasing per thread', () => {
  it('t_ns / 1000, shifted by at most a few ns where a thread has two events at one time', () => {
    const events = syntheticTrace();
    const trace = toChromeTrace(fileOf(events));
    const bind = events.find((e) => e.kind === 'bind');
    expect(instants(trace).find((e) => e.name === 'bind')?.ts).toBeCloseTo((bind?.t_ns ?? 0) / 1000, 2);

    const b = new TraceBuilder();
    const main = b.lane(SERVER, 1, 'MainThread');
    b.call(main, 'BaseServer.fileno');
    b.ret(main);
    const sameTime = b.events.map((e) => ({ ...e, t_ns: 5000 }));
    const tight = toChromeTrace(fileOf(sameTime));
    expect(tight.traceEvents.filter((e) => e.ph !== 'M').map((e) => ('ts' in e ? e.ts : 0))).toEqual([5, 5.001, 5.002, 5.003]);
    expect(checkChromeTrace(tight)).toEqual([]);
  });
});

describe('CHROME-8 a forked child continues the parent\'s process_request', () => {
  it('the child track gets a process_request slice, marked as continued, around its calls', () => {
    const trace = toChromeTrace(fileOf(syntheticTrace()));
    const child = slices(trace, 'B').filter((e) => e.pid === CHILD);
    expect(child.map((e) => e.name)).toEqual(['Thread-1 (serve_forever)', 'ForkingMixIn.process_request', 'BaseServer.finish_request']);
    expect(child[1]?.args).toMatchObject({ continued_from_pid: SERVER });
    expect(slices(trace, 'E').find((e) => e.pid === CHILD && e.name === 'ForkingMixIn.process_request')?.args).toEqual({ unfinished: 'ended by child_exit' });
  });
});

describe('CHROME-9 a real ThreadingTCPServer run exports cleanly', () => {
  it('valid nesting, one arrow per started thread, every call a slice', async () => {
    const run = await recordThreadedEcho(3);
    const trace = toChromeTrace({ header: run.header, events: run.events, truncated: false });
    expect(checkChromeTrace(trace)).toEqual([]);
    const spawns = run.events.filter((e) => e.kind === 'thread_spawn').length;
    expect(spawns).toBe(4); // the loop, three request threads
    expect(flowEvents(trace)).toHaveLength(2 * spawns);
    const calls = run.events.filter((e) => e.kind === 'call').length;
    const threads = new Set(run.events.map((e) => `${e.pid}:${e.tid}`)).size;
    expect(slices(trace, 'B')).toHaveLength(calls + threads);
    expect(slices(trace, 'E').filter((e) => e.args?.['unfinished'] !== undefined)).toEqual([]);
  });
});
