/** Spawn and fork arrows between lanes. */
import type { DrawInput, DrawStats } from './draw-input.js';

/** One arrow to draw: from (sx, sy) to its tip at (tx, ty), pointing down (1) or up (-1). */
interface Arrow {
  readonly sx: number;
  readonly sy: number;
  readonly tx: number;
  readonly ty: number;
  readonly down: number;
}

/**
 * Arrows from each thread_spawn / fork to the first event of the lane it started. When only
 * one end is on screen (a server with thousands of worker lanes), a short stub points towards
 * the other, at most one per arrowhead width and lane; whole arrows, at most one per arrowhead
 * width and pair of lanes. So the cost stays bounded by the viewport.
 */
export function drawFlows(ctx: CanvasRenderingContext2D, input: DrawInput, toCanvas: (y: number) => number, stats: DrawStats): void {
  const { theme, scale, height, layout, model } = input;
  const width = scale.widthPx;
  const half = theme.headerHeight / 2;
  const head = theme.glyph + 1;
  const onScreen = (y: number): boolean => y >= theme.axisHeight && y <= height;
  const stubs = new Set<string>();
  const arrows: Record<'spawn' | 'fork', Arrow[]> = { spawn: [], fork: [] };
  for (const flow of model.flows) {
    const from = layout.byLane.get(flow.fromLane);
    const to = layout.byLane.get(flow.toLane);
    const fromNs = model.events[flow.fromIndex]?.t_ns;
    const toNs = model.events[flow.toIndex]?.t_ns;
    if (!from || !to || fromNs === undefined || toNs === undefined) continue;
    const x1 = scale.x(fromNs);
    const x2 = scale.x(toNs);
    if (Math.max(x1, x2) < -20 || Math.min(x1, x2) > width + 20) continue;
    const y1 = toCanvas(from.y) + half;
    const y2 = toCanvas(to.y) + half;
    const showFrom = onScreen(y1);
    const showTo = onScreen(y2);
    if (!showFrom && !showTo) continue;
    const down = y2 > y1 ? 1 : -1;
    const sy = y1 + down * (theme.glyph + 1);
    const ty = y2 - down * (theme.glyph + 2);
    if (showFrom && showTo) {
      // Zoomed out, thousands of spawns between the same two lanes land on the same pixels:
      // one arrow per arrowhead width and pair of lanes keeps the cost bounded by the viewport.
      const key = `a${Math.round(x1 / head)}:${Math.round(x2 / head)}:${from.position}:${to.position}`;
      if (stubs.has(key)) continue;
      stubs.add(key);
      arrows[flow.kind].push({ sx: x1, sy, tx: x2, ty, down });
      continue;
    }
    // One stub per arrowhead width: denser ones would draw over each other.
    const key = showFrom ? `f${Math.round(x1 / (2 * head))}:${from.position}` : `t${Math.round(x2 / (2 * head))}:${to.position}`;
    if (stubs.has(key)) continue;
    stubs.add(key);
    const stub = theme.rowHeight * 1.2;
    arrows[flow.kind].push(showFrom ? { sx: x1, sy, tx: x1, ty: sy + down * stub, down } : { sx: x2, sy: ty - down * stub, tx: x2, ty, down });
  }

  // One path per kind: a few canvas calls whatever the number of arrows.
  ctx.lineWidth = theme.lineWidth;
  // Arrows cross other lanes: a little transparency keeps the bars under them readable.
  ctx.globalAlpha = 0.8;
  for (const kind of ['spawn', 'fork'] as const) {
    const list = arrows[kind];
    if (list.length === 0) continue;
    stats.flows += list.length;
    const color = kind === 'fork' ? '#a3497d' : theme.flow;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    // A fork crosses into another process: dashed, so it differs from a thread spawn without colour.
    ctx.setLineDash(kind === 'fork' ? [5 * theme.lineWidth, 3 * theme.lineWidth] : []);
    ctx.beginPath();
    for (const a of list) {
      const bend = (a.ty - a.sy) / 2;
      ctx.moveTo(a.sx, a.sy);
      ctx.bezierCurveTo(a.sx, a.sy + bend, a.tx, a.ty - bend, a.tx, a.ty);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const a of list) {
      ctx.moveTo(a.tx, a.ty + a.down);
      ctx.lineTo(a.tx - head * 0.7, a.ty - a.down * head);
      ctx.lineTo(a.tx + head * 0.7, a.ty - a.down * head);
      ctx.closePath();
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}
