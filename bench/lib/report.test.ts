import { describe, expect, it } from 'vitest';
import { renderMarkdownReport, renderTextReport, type Report } from './report.js';
import { check } from './targets.js';

const report: Report = {
  date: '2026-01-02T03:04:05.000Z',
  quick: false,
  rounds: 3,
  seconds: 200,
  machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20.0.0', python: 'Python 3.11.7', loadAverage: 0.5 },
  suites: [
    {
      name: 'throughput',
      title: 'Core throughput',
      seconds: 120,
      tables: [{ title: 'Rows', columns: ['load', 'server', 'implementation', 'req/s'], rows: [['x', 'TCPServer', 'core', '1']] }],
      targets: [check('throughput', 'X ≥ 1× CPython', 1, 0.5, 'req/s ratio')],
      notes: ['A note.'],
      data: null,
    },
    { name: 'broken', title: 'Broken', seconds: 1, tables: [], targets: [], notes: [], data: null, error: 'boom' },
  ],
};

describe('RESULTS.md', () => {
  it('has the guide, the date, the machine, the targets with verdicts, each suite and its notes', () => {
    const md = renderMarkdownReport(report, '### Why X misses\n\nBecause.');
    expect(md).toContain('**×CPy** is the figure divided by CPython');
    expect(md).toContain('NODE-BACKLOG');
    expect(md).toContain('Run of 2026-01-02T03:04:05.000Z. 0 targets pass, 1 miss, 0 not measured; the run took 3 m 20 s (3 rounds).');
    expect(md).toContain('| CPU | Test CPU, 2 cores |');
    expect(md).toContain('| Python | Python 3.11.7 |');
    expect(md).toContain('| X ≥ 1× CPython | ≥ 1.00× | 0.50× | MISS | req/s ratio |');
    expect(md).toContain('### Why X misses');
    expect(md).toContain('## Core throughput');
    expect(md).toContain('A note.');
    expect(md).toContain('**The suite failed:** boom');
  });

  it('the terminal report ends with the summary', () => {
    expect(renderTextReport(report).split('\n').at(-1)).toBe('0 targets pass, 1 miss, 0 not measured; the run took 3 m 20 s (3 rounds).');
  });
});
