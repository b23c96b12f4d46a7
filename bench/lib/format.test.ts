import { describe, expect, it } from 'vitest';
import { fmtDuration, fmtNum, fmtRatio, renderMarkdown, renderText, type Table } from './format.js';

describe('fmtNum', () => {
  it('rounds from 100 up and keeps 3 significant digits below', () => {
    expect(fmtNum(1234.56)).toBe('1235');
    expect(fmtNum(45.678)).toBe('45.7');
    expect(fmtNum(2.345)).toBe('2.35');
    expect(fmtNum(0.0123)).toBe('0.012');
    expect(fmtNum(0.5)).toBe('0.5');
    expect(fmtNum(0)).toBe('0');
  });

  it('separates thousands from five digits up', () => {
    expect(fmtNum(12345)).toBe('12 345');
    expect(fmtNum(1234567)).toBe('1 234 567');
    expect(fmtNum(-54321)).toBe('-54 321');
  });

  it('shows a dash for what was not measured', () => {
    expect(fmtNum(null)).toBe('–');
    expect(fmtNum(NaN)).toBe('–');
  });
});

describe('fmtRatio and fmtDuration', () => {
  it('ratios get two decimals below 10, one from 10 up', () => {
    expect(fmtRatio(1)).toBe('1.00×');
    expect(fmtRatio(0.456)).toBe('0.46×');
    expect(fmtRatio(12.34)).toBe('12.3×');
    expect(fmtRatio(null)).toBe('–');
  });

  it('durations in seconds, or minutes and seconds', () => {
    expect(fmtDuration(42.12)).toBe('42.1 s');
    expect(fmtDuration(192)).toBe('3 m 12 s');
  });
});

const table: Table = {
  title: 'T',
  columns: ['load', 'server', 'impl', 'req/s'],
  rows: [
    ['a', 'TCPServer', 'core', '12 345'],
    ['b|c', 'UDPServer', 'CPython', '7'],
  ],
};

describe('renderText and renderMarkdown', () => {
  it('aligns text columns left and numeric ones right', () => {
    expect(renderText(table).split('\n')).toEqual([
      'T',
      'load  server     impl      req/s',
      '----  ---------  -------  ------',
      'a     TCPServer  core     12 345',
      'b|c   UDPServer  CPython       7',
    ]);
  });

  it('writes a GitHub table with escaped pipes and right-aligned numbers', () => {
    expect(renderMarkdown(table).split('\n')).toEqual([
      '| load | server | impl | req/s |',
      '|---|---|---|---:|',
      '| a | TCPServer | core | 12 345 |',
      '| b\\|c | UDPServer | CPython | 7 |',
    ]);
  });
});
