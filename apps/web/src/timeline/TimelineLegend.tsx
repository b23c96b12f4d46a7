/** The colour key: one swatch per class whose methods appear, plus the exception colour. */
import type { ReactElement } from 'react';
import { classColor, type Theme } from './theme.js';

/** Props of `TimelineLegend`. */
export interface TimelineLegendProps {
  readonly classes: readonly string[];
  readonly theme: Theme;
  /** The label of the exception swatch ("raised"). */
  readonly raised: string;
}

/** Swatches naming the implementing class of each span colour. */
export function TimelineLegend({ classes, theme, raised }: TimelineLegendProps): ReactElement {
  const box = Math.round(theme.fontSize * 0.9);
  const item = (key: string, color: string, text: string): ReactElement => (
    <li key={key} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, marginRight: 10, whiteSpace: 'nowrap' }}>
      <span aria-hidden="true" style={{ width: box, height: box, background: color, borderRadius: 2, border: '1px solid rgba(0,0,0,0.25)' }} />
      <span style={{ fontFamily: theme.monoFamily }}>{text}</span>
    </li>
  );
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', rowGap: 2 }}>
      {classes.map((cls) => item(cls, classColor(cls), cls))}
      {item('__raised', theme.exception, `⚠ ${raised}`)}
    </ul>
  );
}
