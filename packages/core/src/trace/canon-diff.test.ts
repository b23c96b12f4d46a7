import { describe, expect, it } from 'vitest';
import { canonDiffers, diffCanon, formatCanonDiff } from './canon-diff.js';

const lines = (...items: string[]): string => `${items.join('\n')}\n`;

describe('CANON-6 diffCanon is a line diff (LCS); formatCanonDiff shows it as unified hunks', () => {
  it('identical texts: every line is the same', () => {
    const diff = diffCanon(lines('a', 'b'), lines('a', 'b'));
    expect(diff).toEqual([
      { op: 'same', text: 'a' },
      { op: 'same', text: 'b' },
    ]);
    expect(canonDiffers(diff)).toBe(false);
    expect(formatCanonDiff(diff)).toBe('');
    expect(diffCanon('', '')).toEqual([]);
  });

  it('keeps the longest common subsequence; removed lines come before added ones', () => {
    const diff = diffCanon(lines('thread loop', '  x', '  y', '  z', 'end'), lines('thread loop', '  y', '  w', '  z', 'end', 'more'));
    expect(diff).toEqual([
      { op: 'same', text: 'thread loop' },
      { op: 'only_a', text: '  x' },
      { op: 'same', text: '  y' },
      { op: 'only_b', text: '  w' },
      { op: 'same', text: '  z' },
      { op: 'same', text: 'end' },
      { op: 'only_b', text: 'more' },
    ]);
    expect(canonDiffers(diff)).toBe(true);
  });

  it('a changed line is a removal then an addition; a missing final newline does not matter', () => {
    expect(diffCanon('a\nb\nc', lines('a', 'B', 'c'))).toEqual([
      { op: 'same', text: 'a' },
      { op: 'only_a', text: 'b' },
      { op: 'only_b', text: 'B' },
      { op: 'same', text: 'c' },
    ]);
  });

  it('unified hunks with context, far changes in separate hunks', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const b = a.map((l) => (l === 'line 2' ? 'LINE 2' : l)).filter((l) => l !== 'line 18');
    expect(formatCanonDiff(diffCanon(lines(...a), lines(...b)), 1)).toBe(
      ['@@ -1,3 +1,3 @@', ' line 1', '-line 2', '+LINE 2', ' line 3', '@@ -17,3 +17,2 @@', ' line 17', '-line 18', ' line 19', ''].join('\n'),
    );
  });
});
