/** The frame every pane draws itself in: a titled section that fills its slot. */
import type { ReactNode } from 'react';
import { cx } from './pane-common.js';
import './panes.css';

/** Props of PaneFrame. */
export interface PaneFrameProps {
  readonly title: string;
  /** A short line next to the title (the class, the count, ...). */
  readonly subtitle?: ReactNode;
  /** Controls drawn at the right of the header. */
  readonly tools?: ReactNode;
  readonly presenter?: boolean;
  /** The pane's own class (prefixed, e.g. `ss-mro`). */
  readonly className: string;
  /** False when the pane scrolls its body itself (the event log). */
  readonly scrollBody?: boolean;
  readonly children: ReactNode;
}

/** A pane's section, header and body. */
export function PaneFrame({ title, subtitle, tools, presenter = false, className, scrollBody = true, children }: PaneFrameProps) {
  return (
    <section className={cx('ss-pane', presenter && 'ss-pane--presenter', className)} aria-label={title}>
      <header className="ss-pane__head">
        <h2 className="ss-pane__title">{title}</h2>
        {subtitle !== undefined && <span className="ss-pane__sub">{subtitle}</span>}
        {tools !== undefined && <span style={{ marginLeft: 'auto' }}>{tools}</span>}
      </header>
      {scrollBody ? <div className="ss-pane__body">{children}</div> : children}
    </section>
  );
}
