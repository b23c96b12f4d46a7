import { describe, expect, it } from 'vitest';
import { canonicalize, formatCanon, IDLE } from './canon.js';
import { EventList, HEADER, type Lane } from './canon.fixture.js';
import type { TraceEvent } from './schema.js';

const text = (events: readonly TraceEvent[]): string => formatCanon(canonicalize(HEADER, events));

/** How a threading run's incidental details are chosen. */
interface Variant {
  readonly pid: number;
  readonly tids: readonly [number, number, number, number, number, number];
  readonly loopName: string;
  /** Idle iterations before the first request, between the two, and after the second. */
  readonly idle: readonly [number, number, number];
  /** Which workers `_Threads.join` still joins (the others were reaped by append). */
  readonly joined: readonly number[];
  /** The clients start in this order. */
  readonly clientOrder: readonly [1, 2] | readonly [2, 1];
}

const BASE: Variant = { pid: 100, tids: [1, 2, 3, 4, 5, 6], loopName: 'Thread-1 (serve_forever)', idle: [2, 0, 3], joined: [1, 2], clientOrder: [1, 2] };

function idleIterations(b: EventList, loop: Lane, count: number): void {
  for (let i = 0; i < count; i++) b.mark(loop, { kind: 'select_wait', timeout: 0.5 }).mark(loop, { kind: 'select_timeout' }).leaf(loop, 'BaseServer.service_actions');
}

function request(b: EventList, loop: Lane, worker: { tid: number; name: string }): void {
  b.mark(loop, { kind: 'select_ready', fd: 3 }).call(loop, 'BaseServer._handle_request_noblock');
  b.call(loop, 'TCPServer.get_request').mark(loop, { kind: 'accept', fd: 3, conn_fd: 7, client_address: ['127.0.0.1', 5000 + worker.tid] }).ret(loop);
  b.leaf(loop, 'BaseServer.verify_request').call(loop, 'ThreadingMixIn.process_request');
  b.mark(loop, { kind: 'thread_spawn', child_tid: worker.tid, child_name: worker.name, daemon: false }).ret(loop).ret(loop);
  b.leaf(loop, 'BaseServer.service_actions');
}

function workerRun(b: EventList, lane: Lane, payload: string): void {
  b.mark(lane, { kind: 'thread_start', daemon: false }).call(lane, 'ThreadingMixIn.process_request_thread').call(lane, 'BaseServer.finish_request');
  b.call(lane, 'BaseRequestHandler.__init__').leaf(lane, 'BaseRequestHandler.setup').call(lane, 'EchoHandler.handle');
  b.mark(lane, { kind: 'recv', fd: 7, nbytes: payload.length, preview: `b'${payload}'` }).ret(lane).leaf(lane, 'BaseRequestHandler.finish');
  b.ret(lane).ret(lane).ret(lane).mark(lane, { kind: 'thread_exit' });
}

function clientRun(b: EventList, lane: Lane, payload: string): void {
  b.mark(lane, { kind: 'connect', fd: 9, address: ['127.0.0.1', 4000], local_address: ['127.0.0.1', 5000] });
  b.mark(lane, { kind: 'send', fd: 9, nbytes: 5, preview: `b'${payload}'` }).mark(lane, { kind: 'recv', fd: 9, nbytes: 5, preview: `b'${payload}'` });
  b.mark(lane, { kind: 'close', fd: 9, role: 'client' });
}

/** A ThreadingTCPServer run with two clients, its incidental details chosen by `v`. */
function threadingRun(v: Variant = BASE): TraceEvent[] {
  const b = new EventList();
  const [mainTid, loopTid, c1Tid, c2Tid, w1Tid, w2Tid] = v.tids;
  const main = b.lane(v.pid, mainTid, 'MainThread');
  const loop = b.lane(v.pid, loopTid, v.loopName);
  const clients = { 1: b.lane(v.pid, c1Tid, 'client-1'), 2: b.lane(v.pid, c2Tid, 'client-2') };
  b.call(main, 'TCPServer.__init__').call(main, 'TCPServer.server_bind').mark(main, { kind: 'bind', fd: 3, family: 'AF_INET', socket_type: 'SOCK_STREAM', requested: ['127.0.0.1', 0], address: ['127.0.0.1', 4000] }).ret(main).ret(main);
  b.mark(main, { kind: 'thread_spawn', child_tid: loopTid, child_name: v.loopName, daemon: false });
  b.call(loop, 'BaseServer.serve_forever');
  for (const n of v.clientOrder) b.mark(main, { kind: 'thread_spawn', child_tid: clients[n].tid, child_name: `client-${n}`, daemon: true });
  idleIterations(b, loop, v.idle[0]);
  request(b, loop, { tid: w1Tid, name: 'Thread-2 (process_request_thread)' });
  idleIterations(b, loop, v.idle[1]);
  request(b, loop, { tid: w2Tid, name: 'Thread-3 (process_request_thread)' });
  for (const n of v.clientOrder) clientRun(b, clients[n], `hi ${n}`);
  workerRun(b, b.lane(v.pid, w1Tid, 'Thread-2 (process_request_thread)'), 'hi 1');
  workerRun(b, b.lane(v.pid, w2Tid, 'Thread-3 (process_request_thread)'), 'hi 2');
  idleIterations(b, loop, v.idle[2]);
  b.call(main, 'BaseServer.shutdown').mark(loop, { kind: 'select_timeout' }).ret(loop).ret(main);
  b.call(main, 'ThreadingMixIn.server_close').call(main, '_Threads.join');
  for (const k of v.joined) b.mark(main, { kind: 'thread_join', joined_tid: k === 1 ? w1Tid : w2Tid, joined_name: `Thread-${k + 1}` });
  b.ret(main).ret(main);
  return b.events;
}

describe('CANON-1 threads and processes are named by role and order, never by name, pid or tid', () => {
  it('main, loop, workers in spawn order, clients by the number in their name', () => {
    const form = canonicalize(HEADER, threadingRun());
    expect(form.threads.map((t) => t.role)).toEqual(['main', 'loop', 'worker 1', 'worker 2']);
    expect(form.clients.map((c) => c.n)).toEqual([1, 2]);
    expect(form.clients[1]?.actions).toContain("send b'hi 2'");
  });

  it('other pids, tids, thread names and client start order give the same text', () => {
    const other = threadingRun({ ...BASE, pid: 4242, tids: [7, 30, 12, 11, 99, 98], loopName: 'Thread-9', clientOrder: [2, 1] });
    expect(text(other)).toBe(text(threadingRun()));
  });

  it('a loop thread with no name hint is found by its first call', () => {
    const b = new EventList();
    const main = b.lane(1, 1, 'MainThread');
    const loop = b.lane(1, 2, 'Dummy-1');
    b.leaf(main, 'TCPServer.__init__').call(loop, 'BaseServer.handle_request').ret(loop);
    b.leaf(b.lane(1, 3, 'Thread-8'), 'TCPServer.fileno');
    expect(canonicalize(HEADER, b.events).threads.map((t) => t.role)).toEqual(['main', 'loop', 'thread 1']);
  });

  it('forked children are numbered by fork order, whatever order their events come in', () => {
    const b = new EventList();
    const loop = b.lane(10, 1, 'MainThread');
    b.call(loop, 'BaseServer.serve_forever');
    b.call(loop, 'ForkingMixIn.process_request').mark(loop, { kind: 'fork', child_pid: 77 }).ret(loop);
    b.call(loop, 'ForkingMixIn.process_request').mark(loop, { kind: 'fork', child_pid: 55 }).ret(loop);
    for (const [pid, status] of [[55, 1], [77, 0]] as const) {
      const child = b.lane(pid, 1, 'MainThread');
      b.mark(child, { kind: 'child_start', parent_pid: 10 }).leaf(child, 'BaseServer.finish_request').mark(child, { kind: 'child_exit', status });
    }
    const form = canonicalize(HEADER, b.events);
    expect(form.threads.map((t) => t.role)).toEqual(['main', 'child 1', 'child 2']);
    expect(form.threads[1]?.tree.at(-1)?.label).toBe('child_exit 0');
    expect(form.threads[2]?.tree.at(-1)?.label).toBe('child_exit 1');
    expect(text(b.events)).toContain('    ForkingMixIn.process_request\n      fork child 1\n    ForkingMixIn.process_request\n      fork child 2\n');
  });
});

describe('CANON-2 each thread is a call tree nested by call order, with markers', () => {
  it('nests calls by the order of call and return in the thread, not by span ids', () => {
    const b = new EventList();
    const t = b.lane(1, 1, 'MainThread');
    b.call(t, 'A.outer').leaf(t, 'B.inner').ret(t);
    const scrambled = b.events.map((e, i) => ({ ...e, span: 1000 - i, parent_span: i }));
    expect(text(scrambled)).toContain('thread main\n  A.outer\n    B.inner\n');
  });

  it('an exception exit shows its type only; calls never ended are open', () => {
    const b = new EventList();
    const t = b.lane(1, 1, 'MainThread');
    b.call(t, 'BaseServer.finish_request').call(t, 'EchoHandler.handle').ret(t, 'ValueError').ret(t, 'ValueError').call(t, 'X.blocked');
    expect(text(b.events)).toContain('  BaseServer.finish_request !ValueError\n    EchoHandler.handle !ValueError\n  X.blocked (open)\n');
  });

  it("a forked child's tree starts at child_start; a return whose call is not in the thread is shown as such", () => {
    const b = new EventList();
    const parent = b.lane(1, 1, 'MainThread');
    b.call(parent, 'ForkingMixIn.process_request').mark(parent, { kind: 'fork', child_pid: 2 });
    const child = b.lane(2, 1, 'MainThread');
    b.mark(child, { kind: 'child_start', parent_pid: 1 }).leaf(child, 'BaseServer.finish_request');
    b.events.push({ ...(b.events.at(-1) as TraceEvent), seq: b.events.length + 1, kind: 'return', cls: 'ForkingMixIn', method: 'process_request' });
    expect(text(b.events)).toContain('thread child 1\n  child_start\n  BaseServer.finish_request\n  (return without call) ForkingMixIn.process_request\n');
  });

  it('markers: select ready/timeout, spawn, fork, child_start/exit, join; sockets, stderr and thread start/exit are left out', () => {
    const b = new EventList();
    const t = b.lane(1, 1, 'MainThread');
    b.mark(t, { kind: 'thread_start', daemon: false }).mark(t, { kind: 'select_wait', timeout: null }).mark(t, { kind: 'select_ready', fd: 3 });
    b.mark(t, { kind: 'listen', fd: 3, backlog: 5 }).mark(t, { kind: 'stderr', text: 'oops\n' }).mark(t, { kind: 'node_difference', rule: 'NODE-X', text: 'x' });
    b.mark(t, { kind: 'send', fd: 3, nbytes: 1, preview: "b'x'" }).mark(t, { kind: 'socket_shutdown', fd: 3, how: 'SHUT_WR' }).mark(t, { kind: 'close', fd: 3, role: 'server' });
    b.mark(t, { kind: 'thread_spawn', child_tid: 9, child_name: 'client-4', daemon: true }).mark(t, { kind: 'thread_join', joined_tid: 8, joined_name: 'Thread-5' });
    b.mark(t, { kind: 'child_exit', status: 3 }).mark(t, { kind: 'thread_exit' });
    expect(text(b.events)).toContain('thread main\n  select: ready\n  spawn client 4\n  join thread ?\n  child_exit 3\n');
  });
});

describe('CANON-3 what depends on timing is folded', () => {
  it('idle polling: any number of idle runs anywhere in serve_forever is one (idle), after the last request', () => {
    const reference = text(threadingRun());
    expect(text(threadingRun({ ...BASE, idle: [0, 4, 1] }))).toBe(reference);
    expect(text(threadingRun({ ...BASE, idle: [1, 1, 0] }))).toBe(reference);
    expect(reference).toMatch(/ {4}BaseServer\.service_actions\n {4}\(idle\)\nthread worker 1/);
    expect(reference.split('\n').filter((l) => l.trim() === IDLE)).toHaveLength(1);
  });

  it("handle_request's early wake-ups: consecutive select timeouts are one", () => {
    const run = (timeouts: number): string => {
      const b = new EventList();
      const t = b.lane(1, 1, 'MainThread');
      b.call(t, 'BaseServer.handle_request');
      for (let i = 0; i < timeouts; i++) b.mark(t, { kind: 'select_wait', timeout: 0.1 }).mark(t, { kind: 'select_timeout' });
      b.leaf(t, 'BaseServer.handle_timeout').ret(t);
      return text(b.events);
    };
    expect(run(3)).toBe(run(1));
    expect(run(1)).toContain('  BaseServer.handle_request\n    select: timeout\n    BaseServer.handle_timeout\n');
  });

  it('the workers server_close still joins are one line', () => {
    const reference = text(threadingRun());
    expect(text(threadingRun({ ...BASE, joined: [2] }))).toBe(reference);
    expect(reference).toContain('    _Threads.join\n      join workers\n');
  });

  it('reaps leave the trees for a per-process summary with the statuses sorted', () => {
    const run = (reapInLoop: boolean): string => {
      const b = new EventList();
      const main = b.lane(1, 1, 'MainThread');
      const loop = b.lane(1, 2, 'Thread-1');
      b.call(loop, 'BaseServer.serve_forever').mark(loop, { kind: 'fork', child_pid: 5 }).mark(loop, { kind: 'fork', child_pid: 6 });
      const reap = (lane: Lane, pid: number, status: number): void => void b.call(lane, 'ForkingMixIn.collect_children').mark(lane, { kind: 'reap', child_pid: pid, status }).ret(lane);
      if (reapInLoop) reap(loop, 6, 256);
      b.ret(loop);
      if (!reapInLoop) reap(main, 6, 256);
      reap(main, 5, 0);
      return text(b.events.filter((e) => e.kind !== 'call' && e.kind !== 'return'));
    };
    expect(run(true)).toBe(run(false));
    expect(run(true)).toContain('process server\n  reaped: 2 children, statuses [0, 256]\n');
  });
});

describe("CANON-4 each client's actions and what it received", () => {
  it('connect, send, recv (b\'\' when empty), shutdown, close, and one error', () => {
    const b = new EventList();
    b.leaf(b.lane(1, 1, 'MainThread'), 'TCPServer.__init__');
    const c = b.lane(1, 2, 'client-1');
    b.mark(c, { kind: 'connect', fd: 4, address: ['127.0.0.1', 1], local_address: ['127.0.0.1', 2] }).mark(c, { kind: 'send', fd: 4, nbytes: 3, preview: "b'hi\\n'" });
    b.mark(c, { kind: 'socket_shutdown', fd: 4, how: 'SHUT_WR' }).mark(c, { kind: 'recv', fd: 4, nbytes: 0, preview: "b''" });
    b.mark(c, { kind: 'stderr', text: 'Traceback...\n' }).mark(c, { kind: 'stderr', text: 'TimeoutError\n' }).mark(c, { kind: 'close', fd: 4, role: 'client' });
    expect(canonicalize(HEADER, b.events).clients).toEqual([{ n: 1, actions: ['connect', "send b'hi\\n'", 'shutdown SHUT_WR', "recv b''", 'error', 'close'] }]);
    expect(text(b.events)).not.toContain('thread client');
  });
});

describe('CANON-5 formatCanon is stable text, one item a line, ending with a newline', () => {
  it('the whole form of a small run', () => {
    const b = new EventList();
    const main = b.lane(1, 1, 'MainThread');
    b.call(main, 'BaseServer.serve_forever').mark(main, { kind: 'select_timeout' }).leaf(main, 'BaseServer.service_actions').mark(main, { kind: 'select_timeout' }).ret(main);
    b.mark(b.lane(1, 2, 'client-1'), { kind: 'send', fd: 5, nbytes: 2, preview: "b'ok'" });
    expect(text(b.events)).toBe(
      [
        'server ThreadingTCPServer',
        '  mro: ThreadingTCPServer, ThreadingMixIn, TCPServer, BaseServer, object',
        '  resolution:',
        '    __init__ -> TCPServer',
        '    process_request -> ThreadingMixIn',
        '    serve_forever -> BaseServer',
        'handler EchoHandler',
        '  mro: EchoHandler, BaseRequestHandler, object',
        '  resolution:',
        '    handle -> EchoHandler',
        '    setup -> BaseRequestHandler',
        'thread main',
        '  BaseServer.serve_forever',
        '    (idle)',
        'client 1',
        "  send b'ok'",
        '',
      ].join('\n'),
    );
  });

  it('an empty trace still names its classes', () => {
    expect(text([])).toMatch(/^server ThreadingTCPServer\n[^]*handler EchoHandler\n[^]*BaseRequestHandler\n$/);
  });
});
