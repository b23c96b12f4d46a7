/**
 * The comparison's pure parts: a trace's canonical text (the timing-free form core defines),
 * a line diff laid out side by side (changed runs paired row by row, the shorter side padded),
 * and the verdict.
 */
import { canonicalize, diffCanon, formatCanon, type CanonDiffLine, type TraceFile } from '@sockscope/core/trace';

/** A trace's canonical text, or why it has none. */
export type CanonText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** The canonical text of a trace file. */
export function canonText(file: Pick<TraceFile, 'header' | 'events'>): CanonText {
  try {
    return { ok: true, text: formatCanon(canonicalize(file.header, file.events)) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** One side of a row: its line number in its own text, the text, and whether it differs. */
export interface DiffCell {
  readonly line: number;
  readonly text: string;
  readonly changed: boolean;
}

/** One row of the side-by-side view; a null side is padding (the other side has more lines there). */
export interface DiffRow {
  readonly left: DiffCell | null;
  readonly right: DiffCell | null;
  readonly same: boolean;
}

/** Lays a diff out in rows: equal lines side by side; a run of changes pairs its left and right lines in order. */
export function sideBySide(diff: readonly CanonDiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftLine = 0;
  let rightLine = 0;
  let onlyA: string[] = [];
  let onlyB: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < Math.max(onlyA.length, onlyB.length); i++) {
      const a = onlyA[i];
      const b = onlyB[i];
      rows.push({
        left: a === undefined ? null : { line: ++leftLine, text: a, changed: true },
        right: b === undefined ? null : { line: ++rightLine, text: b, changed: true },
        same: false,
      });
    }
    onlyA = [];
    onlyB = [];
  };
  for (const d of diff) {
    if (d.op === 'only_a') onlyA.push(d.text);
    else if (d.op === 'only_b') onlyB.push(d.text);
    else {
      flush();
      rows.push({ left: { line: ++leftLine, text: d.text, changed: false }, right: { line: ++rightLine, text: d.text, changed: false }, same: true });
    }
  }
  flush();
  return rows;
}

/** One text on its own (the other side not loaded yet): every line unchanged, the other side empty. */
export function oneSide(text: string, side: 'left' | 'right'): DiffRow[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((t, i) => {
    const cell: DiffCell = { line: i + 1, text: t, changed: false };
    return side === 'left' ? { left: cell, right: null, same: true } : { left: null, right: cell, same: true };
  });
}

/** The rows of two canonical texts. */
export function compareTexts(a: string, b: string): DiffRow[] {
  return sideBySide(diffCanon(a, b));
}

/** How many rows differ (0: identical canonical forms). */
export function differingRows(rows: readonly DiffRow[]): number {
  return rows.filter((r) => !r.same).length;
}
