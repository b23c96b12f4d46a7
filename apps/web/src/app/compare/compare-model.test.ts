import type { CanonDiffLine } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../../model/examples.fixture.js';
import { canonText, compareTexts, differingRows, oneSide, sideBySide } from './compare-model.js';

const same = (text: string): CanonDiffLine => ({ op: 'same', text });
const a = (text: string): CanonDiffLine => ({ op: 'only_a', text });
const b = (text: string): CanonDiffLine => ({ op: 'only_b', text });

describe('WEB-COMPARE-1 the side-by-side diff model', () => {
  it('puts equal lines side by side, each numbered in its own text', () => {
    const rows = sideBySide([same('x'), same('y')]);
    expect(rows).toEqual([
      { left: { line: 1, text: 'x', changed: false }, right: { line: 1, text: 'x', changed: false }, same: true },
      { left: { line: 2, text: 'y', changed: false }, right: { line: 2, text: 'y', changed: false }, same: true },
    ]);
    expect(differingRows(rows)).toBe(0);
  });

  it('pairs a run of changes row by row and pads the shorter side', () => {
    const rows = sideBySide([same('server'), a('  A.one'), a('  A.two'), b('  B.one'), same('client 1'), b('  extra')]);
    expect(rows.map((r) => [r.left?.text ?? null, r.right?.text ?? null, r.same])).toEqual([
      ['server', 'server', true],
      ['  A.one', '  B.one', false],
      ['  A.two', null, false],
      ['client 1', 'client 1', true],
      [null, '  extra', false],
    ]);
    expect(rows.map((r) => [r.left?.line ?? null, r.right?.line ?? null])).toEqual([
      [1, 1],
      [2, 2],
      [3, null],
      [4, 3],
      [null, 4],
    ]);
    expect(differingRows(rows)).toBe(3);
  });

  it('shows one text alone when the other side is empty', () => {
    expect(oneSide('a\nb\n', 'right')).toEqual([
      { left: null, right: { line: 1, text: 'a', changed: false }, same: true },
      { left: null, right: { line: 2, text: 'b', changed: false }, same: true },
    ]);
  });

  it('a trace compared with itself is identical; two different servers are not', () => {
    const threading = canonText(exampleFile('ThreadingTCPServer'));
    const tcp = canonText(exampleFile('TCPServer'));
    if (!threading.ok || !tcp.ok) throw new Error('canonical text');
    expect(threading.text).toMatch(/^server ThreadingTCPServer\n/);
    expect(differingRows(compareTexts(threading.text, threading.text))).toBe(0);
    const rows = compareTexts(threading.text, tcp.text);
    expect(differingRows(rows)).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ left: { text: 'server ThreadingTCPServer' }, right: { text: 'server TCPServer' }, same: false });
  });
});
