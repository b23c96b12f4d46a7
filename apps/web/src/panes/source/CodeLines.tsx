/** Highlighted source lines with numbers; some lines lit (the def, the current line, a call) with a note. */
import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from '../pane-common.js';
import type { Token } from './sources.js';

/** How a line is lit: its `def`, the line running now, a line that calls the next frame. */
export type LineMark = 'def' | 'current' | 'call';

/** Props of CodeLines. */
export interface CodeLinesProps {
  readonly lines: ReadonlyArray<readonly Token[]>;
  /** The number of the first line. */
  readonly startLine: number;
  readonly marks: ReadonlyMap<number, LineMark>;
  /** A note after a line's code (a pill: "calls process_request"). */
  readonly notes?: ReadonlyMap<number, ReactNode>;
  /** The accessible name of the block (`Cls.method`). */
  readonly label: string;
  /** The accessible name of a line number. */
  readonly lineLabel: (n: number) => string;
  /** A line to keep in view when it changes (the current one). */
  readonly follow?: number | null;
}

/** The block. */
export function CodeLines({ lines, startLine, marks, notes, label, lineLabel, follow = null }: CodeLinesProps) {
  const followed = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    // Only the pane's own scroller moves; `nearest` leaves a visible line alone.
    followed.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [follow]);
  return (
    <pre className="ss-source-code" aria-label={label}>
      <code>
        {lines.map((tokens, i) => {
          const n = startLine + i;
          const mark = marks.get(n);
          const note = notes?.get(n);
          return (
            <span key={n} ref={n === follow ? followed : undefined} className={cx('ss-source-line', mark && `ss-source-line--${mark}`)}>
              <span className="ss-source-ln" aria-label={lineLabel(n)}>
                {n}
              </span>
              <span className="ss-source-text">
                {tokens.map((tok, j) => (
                  <span key={j} className={`ss-tok-${tok.kind}`}>
                    {tok.text}
                  </span>
                ))}
                {note}
              </span>
              {'\n'}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
