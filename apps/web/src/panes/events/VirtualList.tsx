/**
 * A tiny fixed-row-height virtual list: a scroller over a spacer as tall as every row, with
 * only the rows in view (plus a few) rendered, absolutely placed. 100 000 rows scroll as
 * smoothly as 100. (Browsers cap an element's height near 33 million pixels: about a million
 * rows of 30 px.)
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { scrollToShow, visibleRange } from './events.js';

/** Props of VirtualList. */
export interface VirtualListProps {
  readonly count: number;
  readonly rowHeight: number;
  /** Renders one row; `style` places it and must be applied to its outer element. */
  readonly renderRow: (row: number, style: CSSProperties) => ReactNode;
  /** A row to bring into view whenever this value changes (the cursor's row). */
  readonly keepInView: number | null;
  readonly label: string;
  readonly className?: string;
  /** The id of the active row element, for aria-activedescendant. */
  readonly activeId?: string;
  /** Keys, with the number of rows one page holds. */
  readonly onKeyDown?: (e: KeyboardEvent<HTMLDivElement>, page: number) => void;
}

/** The virtual list. */
export function VirtualList({ count, rowHeight, renderRow, keepInView, label, className, activeId, onKeyDown }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Bringing a row into view (the cursor following the newest event as they stream in) must
  // not write scrollTop here: that would force a layout of everything this render changed,
  // and the frame would lay out again after. The rows for the new position render now, from
  // the position and height already known; the element scrolls at the start of the next frame,
  // when layout is clean. Until then the rows at the element's present position stay rendered.
  const known = useRef({ scrollTop, viewport });
  known.current = { scrollTop, viewport };
  const actualTop = useRef(0);
  const pendingTop = useRef<number | null>(null);
  const frame = useRef(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || keepInView === null) return;
    const height = known.current.viewport || el.clientHeight;
    const next = scrollToShow(keepInView, known.current.scrollTop, height, rowHeight, 2);
    if (next === null) return;
    setScrollTop(next);
    pendingTop.current = next;
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (pendingTop.current === null) return;
      el.scrollTop = pendingTop.current;
      actualTop.current = pendingTop.current;
      pendingTop.current = null;
    });
  }, [keepInView, rowHeight]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const height = viewport || 600;
  const want = visibleRange(scrollTop, height, rowHeight, count);
  const shown = pendingTop.current === null ? want : visibleRange(actualTop.current, height, rowHeight, count);
  const rows: ReactNode[] = [];
  const place = (row: number): CSSProperties => ({ position: 'absolute', top: row * rowHeight, left: 0, right: 0, height: rowHeight });
  for (let row = shown.start; row < shown.end; row++) if (row < want.start || row >= want.end) rows.push(renderRow(row, place(row)));
  for (let row = want.start; row < want.end; row++) rows.push(renderRow(row, place(row)));
  return (
    <div
      ref={ref}
      className={className}
      style={{ overflowY: 'auto', position: 'relative', minHeight: 0 }}
      tabIndex={0}
      role="listbox"
      aria-label={label}
      aria-activedescendant={activeId}
      onScroll={(e) => {
        actualTop.current = e.currentTarget.scrollTop;
        setScrollTop(e.currentTarget.scrollTop);
      }}
      onKeyDown={(e) => onKeyDown?.(e, Math.max(1, Math.floor((ref.current?.clientHeight ?? rowHeight) / rowHeight)))}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
