/**
 * Two canonical forms side by side, one row per line: equal lines plain, differing ones lit
 * and marked (≠), padding where one side has more lines. Each side numbers its own lines.
 */
import { memo, type Ref } from 'react';
import type { DiffCell, DiffRow } from './compare-model.js';

/** Props of CanonDiff. */
export interface CanonDiffProps {
  readonly rows: readonly DiffRow[];
  readonly label: string;
  /** Words for screen readers on a differing line. */
  readonly differs: string;
  /** The scrolling element (to go to the next difference). */
  readonly scroller?: Ref<HTMLDivElement>;
}

/** The class of the first row of each run of differing rows. */
export const FIRST_DIFF = 'canon-row--first';

/** The rows. */
export const CanonDiff = memo(function CanonDiff({ rows, label, differs, scroller }: CanonDiffProps) {
  return (
    <div ref={scroller} className="canon-diff" role="table" aria-label={label} tabIndex={0}>
      {rows.map((row, i) => (
        <div key={i} role="row" className={row.same ? 'canon-row' : `canon-row canon-row--diff${rows[i - 1]?.same === false ? '' : ` ${FIRST_DIFF}`}`}>
          <Cell cell={row.left} differs={differs} />
          <Cell cell={row.right} differs={differs} />
        </div>
      ))}
    </div>
  );
});

function Cell({ cell, differs }: { readonly cell: DiffCell | null; readonly differs: string }) {
  if (cell === null) return <div role="cell" className="canon-cell canon-cell--pad" />;
  return (
    <div role="cell" className={cell.changed ? 'canon-cell canon-cell--changed' : 'canon-cell'}>
      <span className="canon-ln" aria-hidden="true">
        {cell.line}
      </span>
      <span className="canon-mark" aria-hidden="true">
        {cell.changed ? '≠' : ''}
      </span>
      <span className="canon-text">
        {cell.changed && <span className="visually-hidden">{differs}: </span>}
        {cell.text}
      </span>
    </div>
  );
}
