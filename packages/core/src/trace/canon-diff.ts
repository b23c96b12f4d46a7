/**
 * A line diff of two canonical texts (longest common subsequence), for a side-by-side view
 * and for a test's failure message, and its unified-style rendering.
 */
import type { CanonDiffLine } from './canon-types.js';

/** Beyond this many cells the middle is shown as removed then added instead of matched. */
const MAX_CELLS = 4_000_000;

function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The LCS walk of `a` against `b` (both without a common prefix or suffix). */
function middleDiff(a: readonly string[], b: readonly string[]): CanonDiffLine[] {
  const width = b.length + 1;
  if ((a.length + 1) * width > MAX_CELLS) {
    return [...a.map((text) => ({ op: 'only_a' as const, text })), ...b.map((text) => ({ op: 'only_b' as const, text }))];
  }
  // lcs[i * width + j]: the LCS length of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: CanonDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++] ?? '' });
      j++;
    } else if (j >= b.length || (i < a.length && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      out.push({ op: 'only_a', text: a[i++] ?? '' });
    } else {
      out.push({ op: 'only_b', text: b[j++] ?? '' });
    }
  }
  return out;
}

/** The lines of `a` and `b` (canonical texts), each `same`, `only_a` or `only_b`, in order. */
export function diffCanon(a: string, b: string): readonly CanonDiffLine[] {
  const left = linesOf(a);
  const right = linesOf(b);
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let end = 0;
  while (end < left.length - start && end < right.length - start && left[left.length - 1 - end] === right[right.length - 1 - end]) end++;
  const same = (text: string): CanonDiffLine => ({ op: 'same', text });
  return [
    ...left.slice(0, start).map(same),
    ...middleDiff(left.slice(start, left.length - end), right.slice(start, right.length - end)),
    ...left.slice(left.length - end).map(same),
  ];
}

/** Whether a diff found any difference. */
export function canonDiffers(diff: readonly CanonDiffLine[]): boolean {
  return diff.some((line) => line.op !== 'same');
}

const PREFIX = { same: ' ', only_a: '-', only_b: '+' } as const;

/**
 * A diff as unified-diff hunks (`@@ -A,N +B,M @@`, then ` `, `-`, `+` lines) with `context`
 * unchanged lines around each change; empty when nothing differs.
 */
export function formatCanonDiff(diff: readonly CanonDiffLine[], context = 3): string {
  const changed = diff.flatMap((line, i) => (line.op === 'same' ? [] : [i]));
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const from = Math.max(0, i - context);
    const to = Math.min(diff.length, i + context + 1);
    const last = hunks.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = to;
    else hunks.push([from, to]);
  }
  return hunks.map(([from, to]) => hunkText(diff, from, to)).join('');
}

function hunkText(diff: readonly CanonDiffLine[], from: number, to: number): string {
  const before = diff.slice(0, from);
  const lines = diff.slice(from, to);
  const aStart = before.filter((l) => l.op !== 'only_b').length + 1;
  const bStart = before.filter((l) => l.op !== 'only_a').length + 1;
  const aLength = lines.filter((l) => l.op !== 'only_b').length;
  const bLength = lines.filter((l) => l.op !== 'only_a').length;
  const body = lines.map((l) => `${PREFIX[l.op]}${l.text}\n`).join('');
  return `@@ -${aStart},${aLength} +${bStart},${bLength} @@\n${body}`;
}
