/**
 * Rows of the socket suites as tables: every figure with its ratio to CPython's and to raw
 * Node's under the same load, and the ratios the targets read.
 */
import { fmtNum, fmtRatio, type Table } from '../lib/format.js';
import { ratio } from '../lib/stats.js';
import type { Impl } from '../servers/launch.js';
import type { Row } from './rounds.js';

/** The figures every row has and every ratio compares. */
export const FIGURES = ['rps', 'p50', 'p99', 'cpuUs'] as const;
/** One of the figures a row has. */
export type Figure = (typeof FIGURES)[number];

/** CPython's row for the same server class in the same group. */
export function cpythonOf(rows: readonly Row[], row: Row): Row | undefined {
  return rows.find((r) => r.group === row.group && r.impl === 'cpython' && r.cls === row.cls && r.skipped === null);
}

/** Raw Node's row in the same group for the same transport (tcp, unix, udp). */
export function nodeOf(rows: readonly Row[], row: Row): Row | undefined {
  return rows.find((r) => r.group === row.group && r.impl === 'node' && r.cls === row.transport && r.skipped === null);
}

/** The row of `impl` for `cls` in `group`, if measured. */
export function find(rows: readonly Row[], group: string, cls: string, impl: Impl): Row | undefined {
  return rows.find((r) => r.group === group && r.cls === cls && r.impl === impl && r.skipped === null);
}

/** `row`'s figure divided by `ref`'s (null when either is missing). */
export function figureRatio(row: Row | undefined, ref: Row | undefined, figure: Figure): number | null {
  return ratio(row?.[figure], ref?.[figure]);
}

/** How a row's server is named in a table. */
export function serverName(row: Pick<Row, 'impl' | 'cls'>): string {
  if (row.impl !== 'node') return row.cls;
  return row.cls === 'udp' ? 'dgram echo' : row.cls === 'unix' ? 'net echo (Unix)' : 'net echo';
}

const IMPL_NAMES: Readonly<Record<Impl, string>> = {
  core: 'core',
  'core+memory': 'core, traced to memory',
  'core+viewer': 'core, traced + 1 viewer',
  cpython: 'CPython',
  node: 'raw Node',
};

/** How an implementation is named in a table. */
export function implName(impl: Impl): string {
  return IMPL_NAMES[impl];
}

/** Errors, stalls, losses and caps of a row, in a few words. */
export function troubles(row: Row): string {
  if (row.skipped !== null) return `skipped: ${row.skipped}`;
  const parts: string[] = [];
  if (row.errors > 0) parts.push(`${row.errors} errors`);
  if (row.slowConnects > 0) parts.push(`${row.slowConnects} SYN retries`);
  if (row.lost > 0) parts.push(`${row.lost} lost`);
  if (row.viewerGap !== null && row.viewerGap > 0) parts.push(`viewer gap ${row.viewerGap}`);
  if (row.capped) parts.push('time-capped');
  return parts.join(', ');
}

/**
 * The table of a suite's rows: for each figure its value, ×CPython and ×Node (req/s: above
 * 1 is faster; latency and CPU: below 1 is cheaper).
 */
export function rowsTable(title: string, rows: readonly Row[], groupTitles: Readonly<Record<string, string>>): Table {
  const columns = ['load', 'server', 'implementation'];
  const headers: Record<Figure, string> = { rps: 'req/s', p50: 'p50 ms', p99: 'p99 ms', cpuUs: 'CPU µs/req' };
  for (const f of FIGURES) columns.push(headers[f], '×CPy', '×Node');
  columns.push('events/req', 'errors, stalls');
  const numeric = columns.map((_, i) => i >= 3 && i < columns.length - 1);
  return {
    title,
    columns,
    numeric,
    rows: rows.map((row) => {
      const cpy = cpythonOf(rows, row);
      const node = nodeOf(rows, row);
      const cells = [groupTitles[row.group] ?? row.group, serverName(row), implName(row.impl)];
      for (const f of FIGURES) {
        cells.push(fmtNum(row[f]), row.impl === 'cpython' ? '' : fmtRatio(figureRatio(row, cpy, f)), row.impl === 'node' ? '' : fmtRatio(figureRatio(row, node, f)));
      }
      cells.push(fmtNum(row.eventsPerReq), troubles(row));
      return cells;
    }),
  };
}
