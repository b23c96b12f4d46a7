/**
 * Part 4 of issue 6 — fork cost: milliseconds per request of ForkingTCPServer, the port
 * against CPython, a new connection per request, one at a time and several at once. Every
 * request gets a fresh process that exits after it in both (the port keeps one spare
 * process started ahead of time, SPEC NODE-FORK).
 */
import { fmtNum, fmtRatio, type Table } from '../lib/format.js';
import type { Suite, SuiteContext, SuiteResult } from '../lib/suite.js';
import { check, type TargetCheck } from '../lib/targets.js';
import type { Target } from '../load/spec.js';
import { runGroups, type Group, type Row } from './rounds.js';
import { figureRatio, find, implName, rowsTable } from './table.js';

const PAYLOAD = 64;

/** The fork loads: sequential and concurrent connect-per-request. */
export function forkGroups(quick: boolean): Group[] {
  const servers = (['core', 'cpython'] as const).map((impl) => ({ impl, cls: 'ForkingTCPServer', queue: 128 }));
  const group = (id: string, title: string, concurrency: number): Group => ({
    id,
    title,
    servers,
    timed: true,
    load: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency, requests: 1e9, maxSeconds: quick ? 0.8 : 2 }),
    warmup: (target: Target) => ({ mode: 'connect', target, payload: PAYLOAD, concurrency, requests: concurrency * 3, maxSeconds: 2 }),
    // Children exit after the echo; wait until they are reaped so that their CPU time is counted.
    settleMs: 400,
  });
  return [
    group('fork-seq', 'ForkingTCPServer, connect per request, 1 at a time', 1),
    group('fork-conc', 'ForkingTCPServer, connect per request, 8 at once', 8),
  ];
}

/** Milliseconds per request from a throughput (1000 / req/s). */
export function msPerRequest(rps: number | null): number | null {
  return rps !== null && rps > 0 ? 1000 / rps : null;
}

/** The fork-cost table: ms per request, latency, CPU per request, against CPython. */
export function forkTable(rows: readonly Row[], titles: Readonly<Record<string, string>>): Table {
  return {
    title: 'Fork cost (ms per request = 1000 / req/s)',
    columns: ['load', 'implementation', 'ms/request', '÷CPython', 'req/s', '×CPython', 'p50 ms', 'CPU ms/req'],
    numeric: [false, false, true, true, true, true, true, true],
    rows: rows.map((r) => {
      const cpy = find(rows, r.group, r.cls, 'cpython');
      const ms = msPerRequest(r.rps);
      const cpyMs = msPerRequest(cpy?.rps ?? null);
      return [
        titles[r.group] ?? r.group,
        implName(r.impl),
        fmtNum(ms),
        r.impl === 'cpython' ? '' : fmtRatio(ms !== null && cpyMs !== null ? ms / cpyMs : null),
        fmtNum(r.rps),
        r.impl === 'cpython' ? '' : fmtRatio(figureRatio(r, cpy, 'rps')),
        fmtNum(r.p50),
        fmtNum(r.cpuUs === null ? null : r.cpuUs / 1000),
      ];
    }),
  };
}

/** ForkingTCPServer ≥ 0.5× CPython, sequential and concurrent. */
export function forkTargets(rows: readonly Row[]): TargetCheck[] {
  const vs = (g: string): number | null => figureRatio(find(rows, g, 'ForkingTCPServer', 'core'), find(rows, g, 'ForkingTCPServer', 'cpython'), 'rps');
  return [
    check('fork', 'ForkingTCPServer, 1 at a time: core ≥ 0.5× CPython', 0.5, vs('fork-seq'), 'req/s ratio (= CPython ms ÷ core ms)'),
    check('fork', 'ForkingTCPServer, 8 at once: core ≥ 0.5× CPython', 0.5, vs('fork-conc'), 'req/s ratio (= CPython ms ÷ core ms)'),
  ];
}

const NOTES = [
  'Node cannot `fork()` a running process (SPEC NODE-FORK): for each request the port takes a child process started ' +
    'ahead of time (one warm spare), hands it the connection\'s descriptor and the server\'s attributes, and starts the ' +
    'next spare. Every request still gets a fresh process that exits after it, as in ForkingMixIn; no worker is reused. ' +
    'What a request costs is therefore the start of a Node process, while CPython\'s `os.fork()` copies one that already runs.',
];

/** The fork-cost suite. */
export const forkSuite: Suite = {
  name: 'fork',
  title: 'Fork cost: ForkingTCPServer, the port and CPython',
  budgetSeconds: { full: 60, quick: 10 },
  async run(ctx: SuiteContext): Promise<SuiteResult> {
    const { rows, groups, titles } = await runGroups(ctx, 'fork', forkGroups(ctx.quick));
    return {
      tables: [forkTable(rows, titles), rowsTable('Fork cost, every figure', rows, titles)],
      targets: forkTargets(rows),
      notes: NOTES,
      data: { payload: PAYLOAD, groups: groups.map((g) => ({ id: g.id, title: g.title })), rows },
    };
  },
};
