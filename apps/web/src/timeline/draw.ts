/**
 * Draws one frame of the timeline into a 2D canvas context (already scaled for the device
 * pixel ratio), from prepared data: the layout, the span index and the time scale. Only
 * rows in the viewport and items in the time window are visited (see scan.ts). Nothing here
 * keeps state between frames except a cache of font metrics.
 */
import type { CursorState } from '../model/cursor-state.js';
import type { Span } from '../model/spans.js';
import { timeAxis } from './axis.js';
import { drawAxis } from './draw-axis.js';
import { drawFlows } from './draw-flows.js';
import { drawGutterCell } from './draw-gutter.js';
import { eventX, monoFont, type DrawInput, type DrawStats } from './draw-input.js';
import { drawGlyph, glyphOf } from './glyphs.js';
import { depthTop, visibleRows, type LaneRow } from './layout.js';
import { scanMarkers, scanSpans } from './scan.js';
import type { LaneItems } from './span-index.js';
import { classColor, textColorOn } from './theme.js';

export type { DrawInput, DrawLabels, DrawStats } from './draw-input.js';

/** The span the cursor is in: the cursor event's own call, or the innermost call open in its lane. */
export function selectedSpanId(cursor: CursorState): number | null {
  const e = cursor.event;
  if (!e) return null;
  if ((e.kind === 'call' || e.kind === 'return' || e.kind === 'exception') && e.span !== null) return e.span;
  const lane = `${e.pid}:${e.tid}`;
  return cursor.stacks.find((s) => s.lane.key === lane)?.frames.at(-1)?.id ?? null;
}

/**
 * Draws a whole frame: the lane-name gutter at the left, the time area (lanes, flows, gaps,
 * cursor) to its right, and the time axis on top. `scale.widthPx` is the time area's width.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, input: DrawInput): DrawStats {
  const { width, height, theme, scale } = input;
  const stats: DrawStats = { rows: 0, spans: 0, merged: 0, markers: 0, flows: 0, texts: 0 };
  const top = theme.axisHeight;
  const gutter = theme.gutterWidth;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';
  const axis = timeAxis(scale, Math.max(2, Math.floor(scale.widthPx / (theme.fontSize * 10))));
  const toCanvas = (y: number): number => top + y - input.scrollTop;
  const rows = visibleRows(input.layout, input.scrollTop, height - top);
  const cursorX = cursorXOf(input);

  // The time area, in the scale's coordinates (x = 0 at the gutter's right edge).
  ctx.save();
  ctx.beginPath();
  ctx.rect(gutter, top, width - gutter, height - top);
  ctx.clip();
  ctx.translate(gutter, 0);
  ctx.fillStyle = theme.gridLine;
  for (const tick of axis.ticks) ctx.fillRect(Math.round(tick.x), top, 1, height - top);
  const selected = selectedSpanId(input.cursor);
  for (const row of rows) {
    stats.rows++;
    drawLane(ctx, input, row, toCanvas(row.y), selected, stats);
  }
  drawFlows(ctx, input, toCanvas, stats);
  drawGaps(ctx, input, top);
  drawHover(ctx, input, toCanvas);
  if (cursorX !== null) {
    ctx.fillStyle = theme.cursor;
    const w = theme.lineWidth + 1;
    ctx.fillRect(Math.round(cursorX - w / 2), top, w, height - top);
  }
  ctx.restore();

  // The gutter: lane names and roles, scrolled with the lanes.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top, gutter, height - top);
  ctx.clip();
  for (const row of rows) stats.texts += drawGutterCell(ctx, input, row, toCanvas(row.y));
  ctx.fillStyle = theme.gridLine;
  ctx.fillRect(gutter - 1, top, 1, height - top);
  ctx.restore();

  drawAxis(ctx, input, axis, cursorX);
  return stats;
}

function cursorXOf(input: DrawInput): number | null {
  const e = input.cursor.event;
  if (!e) return null;
  const x = input.scale.x(e.t_ns);
  return x >= -2 && x <= input.scale.widthPx + 2 ? x : null;
}

/** Monospace advance per font, measured once. */
const charWidths = new Map<string, number>();

function charWidth(ctx: CanvasRenderingContext2D, font: string): number {
  let w = charWidths.get(font);
  if (w === undefined) {
    ctx.font = font;
    w = ctx.measureText('MMMMMMMMMM').width / 10 || 7;
    charWidths.set(font, w);
  }
  return w;
}

/** The longest of `Class.method`, `method`, `meth…` that fits in `chars` characters. */
export function fitLabel(span: Pick<Span, 'cls' | 'method' | 'exception'>, chars: number): string | null {
  const warn = span.exception === null ? '' : '⚠ ';
  const room = chars - warn.length;
  const full = `${span.cls}.${span.method}`;
  if (room >= full.length) return warn + full;
  if (room >= span.method.length) return warn + span.method;
  if (room >= 4) return `${warn}${span.method.slice(0, room - 1)}…`;
  return null;
}

function drawLane(ctx: CanvasRenderingContext2D, input: DrawInput, row: LaneRow, y: number, selected: number | null, stats: DrawStats): void {
  const { theme, scale, model } = input;
  const width = scale.widthPx;
  const nowNs = model.timeRange()[1];
  const lane = row.lane;
  const h = theme.headerHeight;

  // Header band, darker while the thread (or child process) is alive.
  ctx.fillStyle = theme.headerBackground;
  ctx.fillRect(0, y, width, h);
  const bornNs = model.events[lane.firstIndex]?.t_ns ?? nowNs;
  const diedNs = lane.endIndex === null ? nowNs : (model.events[lane.endIndex]?.t_ns ?? nowNs);
  const a = Math.max(0, scale.x(bornNs));
  const b = Math.min(width, scale.x(diedNs));
  if (b > a) {
    ctx.fillStyle = theme.laneAlive;
    ctx.fillRect(a, y, Math.max(1, b - a), h);
  }

  const items = input.index.lane(lane.key);
  if (items) {
    drawSpans(ctx, input, row, items, selected, nowNs, stats);
    drawMarkers(ctx, input, items, y + h / 2, stats);
  }
}

function drawSpans(ctx: CanvasRenderingContext2D, input: DrawInput, row: LaneRow, items: LaneItems, selected: number | null, nowNs: number, stats: DrawStats): void {
  const { theme, scale, layout } = input;
  const width = scale.widthPx;
  const font = monoFont(theme);
  const cw = charWidth(ctx, font);
  ctx.font = font;
  const cursorIndex = input.cursor.index;
  const barH = theme.rowHeight - 2;
  // Outlined after the row, so a neighbour's fill never covers the outline.
  const chosen: { rect?: readonly [left: number, right: number, top: number] } = {};
  for (const [depth, list] of items.depths.entries()) {
    const top = theme.axisHeight + depthTop(row, layout.metrics, depth) - input.scrollTop + 1;
    scanSpans(list, scale, nowNs, {
      span: (span, x0, x1) => {
        stats.spans++;
        const left = Math.max(x0, -2);
        const right = Math.min(x1, width + 2);
        const fill = span.exception === null ? classColor(span.cls) : theme.exception;
        ctx.globalAlpha = span.startIndex > cursorIndex ? theme.futureAlpha : 1;
        ctx.fillStyle = fill;
        // A 1px gap between back-to-back calls keeps siblings apart.
        ctx.fillRect(left, top, right - left > 3 ? right - left - 1 : right - left, barH);
        if (span.id === selected) chosen.rect = [left, right, top];
        const textX = Math.max(left, 0) + 4;
        const chars = Math.floor((Math.min(right, width) - textX - 3) / cw);
        const label = chars >= 4 ? fitLabel(span, chars) : null;
        if (label !== null) {
          stats.texts++;
          ctx.fillStyle = textColorOn(fill);
          ctx.fillText(label, textX, top + barH / 2 + 0.5);
        }
      },
      merged: (x0, x1) => {
        stats.merged++;
        ctx.globalAlpha = 1;
        ctx.fillStyle = theme.merged;
        ctx.fillRect(x0, top, Math.max(1, x1 - x0), barH);
      },
    });
  }
  ctx.globalAlpha = 1;
  if (chosen.rect) {
    const [left, right, top] = chosen.rect;
    const w = theme.lineWidth + 1;
    ctx.strokeStyle = theme.selected;
    ctx.lineWidth = w;
    ctx.strokeRect(left + w / 2, top + w / 2 - 1, Math.max(1, right - left - w), barH - w + 2);
  }
}

function drawMarkers(ctx: CanvasRenderingContext2D, input: DrawInput, items: LaneItems, cy: number, stats: DrawStats): void {
  const { theme, scale } = input;
  const cursorIndex = input.cursor.index;
  // Glyphs closer than half their width would overlap: one per glyph radius is enough.
  scanMarkers(items, scale, theme.glyph + 2, (marker, x) => {
    stats.markers++;
    ctx.globalAlpha = marker.index > cursorIndex ? theme.futureAlpha : 1;
    drawGlyph(ctx, glyphOf(marker.kind), x, cy, theme.glyph, theme.lineWidth);
    if (marker.index === cursorIndex) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = theme.selected;
      ctx.lineWidth = theme.lineWidth + 1;
      ctx.beginPath();
      ctx.arc(x, cy, theme.glyph + 3, 0, Math.PI * 2);
      ctx.stroke();
    }
  }, theme.glyph);
  ctx.globalAlpha = 1;
}

/** Where the runtime dropped events: a dashed line through all lanes (labelled on the axis). */
function drawGaps(ctx: CanvasRenderingContext2D, input: DrawInput, top: number): void {
  const { theme, height, model } = input;
  const width = input.scale.widthPx;
  for (const gap of model.gaps) {
    const x = eventX(input, gap.index);
    if (x === null || x < -2 || x > width + 2) continue;
    ctx.strokeStyle = theme.gap;
    ctx.lineWidth = theme.lineWidth + 1;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function drawHover(ctx: CanvasRenderingContext2D, input: DrawInput, toCanvas: (y: number) => number): void {
  const { hovered, theme, scale, layout } = input;
  if (!hovered) return;
  const row = layout.byLane.get(hovered.row.lane.key);
  if (!row) return;
  ctx.strokeStyle = theme.hover;
  ctx.lineWidth = theme.lineWidth;
  if (hovered.kind === 'span') {
    const { span } = hovered;
    const end = span.endNs ?? input.model.timeRange()[1];
    const left = Math.max(-2, scale.x(span.startNs));
    const right = Math.min(scale.widthPx + 2, scale.x(end));
    const top = toCanvas(depthTop(row, layout.metrics, span.depth)) + 1;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(left - 0.5, top - 0.5, Math.max(2, right - left) + 1, theme.rowHeight - 1);
    ctx.setLineDash([]);
  } else {
    ctx.beginPath();
    ctx.arc(scale.x(hovered.marker.ns), toCanvas(row.y) + theme.headerHeight / 2, theme.glyph + 3, 0, Math.PI * 2);
    ctx.stroke();
  }
}

