import { describe, expect, it } from 'vitest';
import { row } from './fixtures.js';
import { cpythonOf, figureRatio, nodeOf, rowsTable, serverName, troubles } from './table.js';
import { throughputTargets } from './throughput.js';
import { forkTable, forkTargets, msPerRequest } from './fork-cost.js';

const rows = [
  row('p1', 'TCPServer', 'core', [9000, 10_000, 11_000]),
  row('p1', 'TCPServer', 'cpython', [20_000]),
  row('p1', 'UnixStreamServer', 'core', [8000]),
  row('p1', 'tcp', 'node', [25_000]),
  row('p1', 'unix', 'node', [16_000]),
  row('p2', 'TCPServer', 'cpython', [1]),
];

describe('reference rows', () => {
  it('CPython: same group and class; raw Node: same group and transport', () => {
    const [core, , unix] = rows;
    if (!core || !unix) throw new Error('fixture');
    expect(cpythonOf(rows, core)?.rps).toBe(20_000);
    expect(nodeOf(rows, core)?.cls).toBe('tcp');
    expect(nodeOf(rows, unix)?.cls).toBe('unix');
    expect(cpythonOf(rows, unix)).toBeUndefined();
  });

  it('ratios of any figure; null without a reference', () => {
    expect(figureRatio(rows[0], rows[1], 'rps')).toBe(0.5);
    expect(figureRatio(rows[0], rows[1], 'p50')).toBe(2);
    expect(figureRatio(rows[2], undefined, 'rps')).toBeNull();
  });
});

describe('rowsTable', () => {
  it('shows each figure with ×CPy and ×Node, blank against itself', () => {
    const t = rowsTable('T', rows.slice(0, 4), { p1: '1 connection' });
    expect(t.columns.slice(0, 6)).toEqual(['load', 'server', 'implementation', 'req/s', '×CPy', '×Node']);
    expect(t.rows[0]?.slice(0, 6)).toEqual(['1 connection', 'TCPServer', 'core', '10 000', '0.50×', '0.40×']);
    expect(t.rows[1]?.slice(3, 6)).toEqual(['20 000', '', '0.80×']);
    expect(t.rows[3]?.slice(1, 6)).toEqual(['net echo', 'raw Node', '25 000', '–', '']);
  });

  it('names the raw echoes and lists the troubles', () => {
    expect(serverName({ impl: 'node', cls: 'udp' })).toBe('dgram echo');
    const bad = { ...row('p1', 'TCPServer', 'cpython', [1]), errors: 2, slowConnects: 9, capped: true };
    expect(troubles(bad)).toBe('2 errors, 9 SYN retries, time-capped');
  });
});

describe('the targets', () => {
  it('judge each ratio, and are N/A where a row is missing', () => {
    const checks = throughputTargets([
      row('persistent-1', 'TCPServer', 'core', [15_000]),
      row('persistent-1', 'TCPServer', 'cpython', [10_000]),
      row('persistent-1', 'TCPServer', 'core+memory', [6000]),
      row('persistent-1', 'tcp', 'node', [20_000]),
    ]);
    const byText = (prefix: string) => checks.find((c) => c.text.startsWith(prefix));
    expect(byText('persistent, TCPServer, 1 connection: core ≥ 1× CPython')).toMatchObject({ value: 1.5, verdict: 'PASS' });
    expect(byText('persistent, TCPServer, 1 connection: core ≥ 0.8× raw Node')).toMatchObject({ value: 0.75, verdict: 'MISS' });
    expect(byText('persistent-1, TCPServer: traced into memory')).toMatchObject({ value: 0.4, verdict: 'MISS' });
    expect(byText('UDP, UDPServer')?.verdict).toBe('N/A');
  });

  it('fork cost: ms per request and the 0.5× target', () => {
    expect(msPerRequest(50)).toBe(20);
    expect(msPerRequest(null)).toBeNull();
    const fork = [row('fork-seq', 'ForkingTCPServer', 'core', [40]), row('fork-seq', 'ForkingTCPServer', 'cpython', [100])];
    expect(forkTargets(fork)[0]).toMatchObject({ value: 0.4, verdict: 'MISS' });
    expect(forkTable(fork, {}).rows[0]?.slice(1, 4)).toEqual(['core', '25', '2.50×']);
  });
});
