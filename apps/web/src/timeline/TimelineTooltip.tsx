/**
 * The hover tooltip: a DOM element (screen readers and text selection work, and it can
 * leave the canvas), placed beside the mouse and flipped to stay inside the timeline.
 */
import type { ReactElement } from 'react';
import type { Tooltip } from './describe.js';
import type { Theme } from './theme.js';

/** Props of `TimelineTooltip`. */
export interface TimelineTooltipProps {
  readonly id: string;
  readonly tip: Tooltip;
  /** Mouse position in the timeline's box, CSS px. */
  readonly x: number;
  readonly y: number;
  /** The timeline's box, to keep the tooltip inside it. */
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly hint: string;
}

/** A tooltip for a span or a marker. */
export function TimelineTooltip({ id, tip, x, y, width, height, theme, hint }: TimelineTooltipProps): ReactElement {
  const gap = 14;
  const flipX = x > width * 0.6;
  const flipY = y > height * 0.6;
  const size = Math.round(theme.fontSize * 1.05);
  return (
    <div
      id={id}
      role="tooltip"
      style={{
        position: 'absolute',
        left: flipX ? undefined : x + gap,
        right: flipX ? width - x + gap : undefined,
        top: flipY ? undefined : y + gap,
        bottom: flipY ? height - y + gap : undefined,
        maxWidth: Math.min(460, width * 0.6),
        pointerEvents: 'none',
        background: '#ffffff',
        color: '#1f2328',
        border: `${theme.lineWidth}px solid ${tip.warning ? theme.exception : '#8c959f'}`,
        borderRadius: 6,
        boxShadow: '0 4px 14px rgba(0,0,0,0.18)',
        padding: `${size * 0.4}px ${size * 0.6}px`,
        font: `${size}px ${theme.fontFamily}`,
        lineHeight: 1.35,
        zIndex: 2,
      }}
    >
      <div style={{ fontFamily: theme.monoFamily, fontWeight: 700, color: tip.warning ? '#a33f00' : undefined, marginBottom: 4 }}>{tip.title}</div>
      <table style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {tip.rows.map(([label, value], i) => (
            <tr key={i}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 400, color: '#57606a', paddingRight: 10, verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                {label}
              </th>
              <td style={{ fontFamily: theme.monoFamily, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ marginTop: 4, fontSize: size * 0.85, color: '#57606a' }}>{hint}</div>
    </div>
  );
}
