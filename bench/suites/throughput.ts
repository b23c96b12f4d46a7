/**
 * Part 1 of issue 6 — core throughput: the port's servers (untraced, traced into memory,
 * traced with one socket.io viewer), CPython's socketserver and raw Node echoes under the
 * same loads, measured alternately.
 */
import type { SuiteContext, Suite, SuiteResult } from '../lib/suite.js';
import { check, type TargetCheck } from '../lib/targets.js';
import type { Target } from '../load/spec.js';
import type { Impl, ServerSpec } from '../servers/launch.js';
import { runGroups, type Group, type Row } from './rounds.js';
import { figureRatio, find, rowsTable } from './table.js';

/** Bytes per request line or datagram. */
const PAYLOAD = 64;
const ALL_TRACED: readonly Impl[] = ['core', 'core+memory', 'core+viewer', 'cpython'];

const servers = (cls: string, impls: readonly Impl[], queue: number): ServerSpec[] => impls.map((impl) => ({ impl, cls, queue }));
const node = (kind: 'tcp' | 'unix' | 'udp', queue: number): ServerSpec => ({ impl: 'node', cls: kind, queue });

/** The loads, sized for a full run or a quick one. */
export function throughputGroups(quick: boolean): Group[] {
  const cap = (full: number, q: number): number => (quick ? q : full);
  // A quick run leaves out the viewer (the runtime and a viewer: two more processes to start per load).
  const TRACED = quick ? ALL_TRACED.filter((impl) => impl !== 'core+viewer') : ALL_TRACED;
  return [
    {
      id: 'persistent-1',
      title: '1 persistent connection',
      timed: true,
      servers: [
        ...servers('TCPServer', TRACED, 5),
        ...servers('ThreadingTCPServer', TRACED, 5),
        ...servers('UnixStreamServer', ['core', 'cpython'], 5),
        node('tcp', 5),
        node('unix', 5),
      ],
      load: (target: Target) => ({ mode: 'persistent', target, payload: PAYLOAD, clients: 1, roundTrips: 1e9, maxSeconds: cap(0.7, 0.4) }),
      warmup: (target: Target) => ({ mode: 'persistent', target, payload: PAYLOAD, clients: 1, roundTrips: 1000, maxSeconds: cap(0.5, 0.2) }),
    },
    {
      id: 'persistent-50',
      title: '50 persistent connections (queue 128)',
      timed: true,
      servers: [...servers('ThreadingTCPServer', TRACED, 128), node('tcp', 128)],
      load: (target: Target) => ({ mode: 'persistent', target, payload: PAYLOAD, clients: 50, roundTrips: 1e9, maxSeconds: cap(1, 0.4) }),
      warmup: (target: Target) => ({ mode: 'persistent', target, payload: PAYLOAD, clients: 50, roundTrips: 40, maxSeconds: cap(0.5, 0.2) }),
    },
    {
      // Timed, not counted: a SYN dropped from a full queue is sent again after 1 s, then 3 s…;
      // a run must last long enough for that to weigh as it does on a busy server.
      id: 'connect-q5',
      title: 'connect per request, 16 at once, queue 5',
      timed: true,
      servers: [...servers('TCPServer', ['core', 'cpython'], 5), ...servers('ThreadingTCPServer', ['core', 'cpython'], 5), node('tcp', 5)],
      load: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency: 16, requests: 1e9, maxSeconds: cap(2, 0.5) }),
      warmup: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency: 4, requests: 200, maxSeconds: cap(0.5, 0.2) }),
    },
    {
      id: 'connect-q128',
      title: 'connect per request, 16 at once, queue 128',
      timed: true,
      servers: [...servers('TCPServer', TRACED, 128), ...servers('ThreadingTCPServer', TRACED, 128), node('tcp', 128)],
      load: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency: 16, requests: 1e9, maxSeconds: cap(1, 0.5) }),
      warmup: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency: 4, requests: 200, maxSeconds: cap(0.5, 0.2) }),
    },
    {
      id: 'udp',
      title: 'datagrams, 16 clients',
      timed: true,
      servers: [...servers('UDPServer', TRACED, 5), ...servers('ThreadingUDPServer', TRACED, 5), node('udp', 5)],
      load: (target: Target) => ({ mode: 'datagram', target, payload: PAYLOAD, clients: 16, roundTrips: 1e9, maxSeconds: cap(1.2, 0.4), timeoutMs: 200 }),
      warmup: (target: Target) => ({ mode: 'datagram', target, payload: PAYLOAD, clients: 4, roundTrips: 200, maxSeconds: cap(0.5, 0.2), timeoutMs: 200 }),
    },
  ];
}

/** The throughput targets, checked against the rows. */
export function throughputTargets(rows: readonly Row[]): TargetCheck[] {
  const suite = 'throughput';
  const vs = (group: string, cls: string, impl: Impl, ref: Impl, refCls = cls): number | null =>
    figureRatio(find(rows, group, cls, impl), find(rows, group, refCls, ref), 'rps');
  const checks: TargetCheck[] = [
    check(suite, 'persistent, TCPServer, 1 connection: core ≥ 1× CPython', 1, vs('persistent-1', 'TCPServer', 'core', 'cpython'), 'req/s ratio'),
    check(suite, 'persistent, ThreadingTCPServer, 1 connection: core ≥ 1× CPython', 1, vs('persistent-1', 'ThreadingTCPServer', 'core', 'cpython'), 'req/s ratio'),
    check(suite, 'persistent, ThreadingTCPServer, 50 connections: core ≥ 1× CPython', 1, vs('persistent-50', 'ThreadingTCPServer', 'core', 'cpython'), 'req/s ratio'),
    check(suite, 'persistent, TCPServer, 1 connection: core ≥ 0.8× raw Node', 0.8, vs('persistent-1', 'TCPServer', 'core', 'node', 'tcp'), 'req/s ratio'),
    check(suite, 'persistent, ThreadingTCPServer, 50 connections: core ≥ 0.8× raw Node', 0.8, vs('persistent-50', 'ThreadingTCPServer', 'core', 'node', 'tcp'), 'req/s ratio'),
  ];
  for (const q of [5, 128]) {
    const g = `connect-q${q}`;
    checks.push(
      check(suite, `connect per request, queue ${q}, ThreadingTCPServer: core ≥ 2× CPython`, 2, vs(g, 'ThreadingTCPServer', 'core', 'cpython'), 'connections/s ratio'),
      check(suite, `connect per request, queue ${q}, TCPServer: core ≥ 1× CPython`, 1, vs(g, 'TCPServer', 'core', 'cpython'), 'connections/s ratio'),
    );
  }
  checks.push(
    check(suite, 'UDP, UDPServer: core ≥ 1× CPython', 1, vs('udp', 'UDPServer', 'core', 'cpython'), 'datagrams/s ratio'),
    check(suite, 'UDP, ThreadingUDPServer: core ≥ 3× CPython', 3, vs('udp', 'ThreadingUDPServer', 'core', 'cpython'), 'datagrams/s ratio'),
  );
  const traced: Array<[string, string]> = [
    ['persistent-1', 'TCPServer'],
    ['persistent-1', 'ThreadingTCPServer'],
    ['persistent-50', 'ThreadingTCPServer'],
    ['connect-q128', 'TCPServer'],
    ['connect-q128', 'ThreadingTCPServer'],
    ['udp', 'UDPServer'],
    ['udp', 'ThreadingUDPServer'],
  ];
  for (const [g, cls] of traced) {
    checks.push(check(suite, `${g}, ${cls}: traced into memory ≥ 0.6× untraced`, 0.6, vs(g, cls, 'core+memory', 'core'), 'req/s ratio'));
  }
  for (const [g, cls] of traced) {
    checks.push(check(suite, `${g}, ${cls}: traced with one viewer ≥ 0.5× untraced`, 0.5, vs(g, cls, 'core+viewer', 'core'), 'req/s ratio'));
  }
  return checks;
}

/** Notes under the throughput table in RESULTS.md. */
const NOTES = [
  'Connect per request, queue 5: the listen backlog really is 5, so a burst of 16 connects overflows the kernel\'s ' +
    'accept queue (6 places) and the kernel drops the SYNs beyond it; those clients send them again one second later ' +
    '("SYN retries": connects that took ≥ 0.9 s, or were still waiting when the run ended). CPython\'s queue fills ' +
    'whenever the server is slower to call `accept()` than the clients are to connect. libuv accepts at every turn of ' +
    'the event loop and the port keeps the connections until `get_request` takes them (SPEC NODE-BACKLOG), so its queue ' +
    'fills only when more connects than the backlog arrive between two turns: the 16 simultaneous connects at the start ' +
    'of each run do that for the port and raw Node too. The rates at queue 5 are therefore mostly those one-second ' +
    'stalls; queue 128 compares the servers themselves.',
  'Server CPU is read from /proc/PID/stat (all threads; reaped children included) of the server process only — the ' +
    'viewer\'s process is not counted in "traced + 1 viewer". Its resolution is 10 ms, so a figure from a short run is rough.',
  '"traced + 1 viewer" is the runtime of `npm start` (HTTP + socket.io, a lab with its step gate, log and viewer ' +
    'feed) with one socket.io-client viewer in another process acknowledging every batch; "viewer gap" counts the ' +
    'events the runtime dropped for it (its feed is bounded: a viewer that cannot keep up is told how many it missed).',
  'Events/req is what a request costs the tracer: 4 events for a round trip on a persistent connection (recv, send, ' +
    'and `_SocketWriter.write`\'s call and return), about 30–45 for a datagram or a new connection (the whole ' +
    '`_handle_request_noblock` chain, the handler\'s setup/handle/finish, a thread\'s start and end).',
];

/** The throughput suite. */
export const throughputSuite: Suite = {
  name: 'throughput',
  title: 'Core throughput: the port, CPython and raw Node',
  budgetSeconds: { full: 180, quick: 30 },
  async run(ctx: SuiteContext): Promise<SuiteResult> {
    const { rows, groups, titles } = await runGroups(ctx, 'throughput', throughputGroups(ctx.quick));
    return {
      tables: [rowsTable('Throughput (medians of alternating rounds)', rows, titles)],
      targets: throughputTargets(rows),
      notes: NOTES,
      data: { payload: PAYLOAD, groups: groups.map((g) => ({ id: g.id, title: g.title })), rows },
    };
  },
};
