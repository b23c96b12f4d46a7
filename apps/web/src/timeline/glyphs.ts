/**
 * Marker glyphs: a small shape and a colour per kind of event. Shapes differ within each
 * colour family (accept ▼ vs connect △, recv ● vs send ○), so the markers read without colour.
 */
import type { TraceEventKind } from '@sockscope/core/trace';
import { OKABE_ITO } from './theme.js';

/** The shapes. */
export type GlyphShape = 'down' | 'up' | 'dot' | 'ring' | 'plus' | 'fork' | 'square' | 'box' | 'cross' | 'bar' | 'diamond' | 'rhombus' | 'warn';

/** How one kind of marker looks. */
export interface GlyphStyle {
  readonly shape: GlyphShape;
  readonly color: string;
}

const ENDINGS = '#3d444d';
/** Okabe–Ito bluish green, darkened to 3:1 against the lane header (WCAG non-text contrast). */
const DATA = '#007a59';
/** Okabe–Ito vermillion, darkened likewise. */
const WARN = '#c05400';

/** The glyph of each marker kind. */
export const GLYPHS: Readonly<Partial<Record<TraceEventKind, GlyphStyle>>> = {
  accept: { shape: 'down', color: OKABE_ITO.blue },
  connect: { shape: 'up', color: OKABE_ITO.blue },
  recv: { shape: 'dot', color: DATA },
  send: { shape: 'ring', color: DATA },
  thread_spawn: { shape: 'plus', color: '#8a5a00' },
  fork: { shape: 'fork', color: '#a3497d' },
  thread_exit: { shape: 'square', color: ENDINGS },
  child_exit: { shape: 'square', color: '#a3497d' },
  thread_join: { shape: 'box', color: ENDINGS },
  reap: { shape: 'box', color: '#a3497d' },
  close: { shape: 'cross', color: ENDINGS },
  socket_shutdown: { shape: 'bar', color: ENDINGS },
  bind: { shape: 'diamond', color: OKABE_ITO.blue },
  listen: { shape: 'rhombus', color: OKABE_ITO.blue },
  stderr: { shape: 'warn', color: WARN },
  node_difference: { shape: 'warn', color: WARN },
};

const FALLBACK: GlyphStyle = { shape: 'dot', color: ENDINGS };

/** The style of a marker kind. */
export function glyphOf(kind: TraceEventKind): GlyphStyle {
  return GLYPHS[kind] ?? FALLBACK;
}

/** Draws `style` centred on (x, y) with half-size `r`; `line` is the stroke width. */
export function drawGlyph(ctx: CanvasRenderingContext2D, style: GlyphStyle, x: number, y: number, r: number, line: number): void {
  ctx.fillStyle = style.color;
  ctx.strokeStyle = style.color;
  ctx.lineWidth = line;
  ctx.beginPath();
  switch (style.shape) {
    case 'down':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y - r);
      ctx.lineTo(x, y + r);
      ctx.closePath();
      ctx.fill();
      return;
    case 'up':
      ctx.moveTo(x - r, y + r);
      ctx.lineTo(x + r, y + r);
      ctx.lineTo(x, y - r);
      ctx.closePath();
      ctx.stroke();
      return;
    case 'dot':
      ctx.arc(x, y, r * 0.85, 0, Math.PI * 2);
      ctx.fill();
      return;
    case 'ring':
      ctx.arc(x, y, r * 0.8, 0, Math.PI * 2);
      ctx.lineWidth = line * 1.5;
      ctx.stroke();
      return;
    case 'plus':
      ctx.lineWidth = line * 2;
      ctx.moveTo(x - r, y);
      ctx.lineTo(x + r, y);
      ctx.moveTo(x, y - r);
      ctx.lineTo(x, y + r);
      ctx.stroke();
      return;
    case 'fork':
      ctx.lineWidth = line * 1.6;
      ctx.moveTo(x, y + r);
      ctx.lineTo(x, y);
      ctx.lineTo(x - r, y - r);
      ctx.moveTo(x, y);
      ctx.lineTo(x + r, y - r);
      ctx.stroke();
      return;
    case 'square':
      ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
      ctx.fill();
      return;
    case 'box':
      ctx.rect(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
      ctx.lineWidth = line * 1.5;
      ctx.stroke();
      return;
    case 'cross':
      ctx.lineWidth = line * 1.8;
      ctx.moveTo(x - r * 0.8, y - r * 0.8);
      ctx.lineTo(x + r * 0.8, y + r * 0.8);
      ctx.moveTo(x + r * 0.8, y - r * 0.8);
      ctx.lineTo(x - r * 0.8, y + r * 0.8);
      ctx.stroke();
      return;
    case 'bar':
      ctx.rect(x - r * 0.3, y - r, r * 0.6, r * 2);
      ctx.fill();
      return;
    case 'diamond':
    case 'rhombus':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      if (style.shape === 'rhombus') ctx.fill();
      else ctx.stroke();
      return;
    case 'warn':
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r * 1.1, y + r * 0.9);
      ctx.lineTo(x - r * 1.1, y + r * 0.9);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x - line * 0.6, y - r * 0.45, line * 1.2, r * 0.7);
      ctx.fillRect(x - line * 0.6, y + r * 0.4, line * 1.2, line * 1.2);
      return;
  }
}
