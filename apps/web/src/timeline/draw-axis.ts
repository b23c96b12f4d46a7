/** The time axis band at the top of the timeline. */
import type { Axis } from './axis.js';
import { eventX, uiFont, type DrawInput } from './draw-input.js';

/** The axis band: ticks over the time area; over the gutter, the origin of offset labels. */
export function drawAxis(ctx: CanvasRenderingContext2D, input: DrawInput, axis: Axis, cursorX: number | null): void {
  const { theme, width } = input;
  const h = theme.axisHeight;
  const gutter = theme.gutterWidth;
  const timeW = input.scale.widthPx;
  ctx.fillStyle = theme.axisBackground;
  ctx.fillRect(0, 0, width, h);
  ctx.fillStyle = theme.gridLine;
  ctx.fillRect(0, h - 1, width, 1);
  ctx.fillRect(gutter - 1, 0, 1, h);
  ctx.textBaseline = 'middle';
  if (axis.origin !== null) {
    ctx.font = uiFont(theme, 700);
    ctx.fillStyle = theme.axisText;
    ctx.fillText(axis.origin, Math.round(theme.fontSize * 0.6), h / 2 - 1);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(gutter, 0, width - gutter, h);
  ctx.clip();
  ctx.translate(gutter, 0);
  ctx.font = uiFont(theme);
  ctx.fillStyle = theme.axisText;
  for (const tick of axis.ticks) {
    const x = Math.round(tick.x);
    ctx.fillRect(x, h - 7, 1, 6);
    // A label cut by the right edge reads as a different number: leave it out.
    if (x + 4 + ctx.measureText(tick.label).width <= timeW) ctx.fillText(tick.label, x + 4, h / 2 - 1);
  }
  ctx.font = uiFont(theme, 700);
  for (const gap of input.model.gaps) {
    const x = eventX(input, gap.index);
    if (x === null || x < 0 || x > timeW) continue;
    const text = `⚠ ${input.labels.lost(gap.count)}`;
    const w = ctx.measureText(text).width + 8;
    const left = Math.min(x + 3, timeW - w);
    ctx.fillStyle = theme.gap;
    ctx.fillRect(left, 2, w, h - 5);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, left + 4, h / 2 - 1);
  }
  if (cursorX !== null) {
    // A handle on the axis, so the cursor line is found even when it crosses busy lanes.
    const r = theme.glyph + 2;
    ctx.fillStyle = theme.cursor;
    ctx.beginPath();
    ctx.moveTo(cursorX - r, h - r - 3);
    ctx.lineTo(cursorX + r, h - r - 3);
    ctx.lineTo(cursorX, h - 1);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}
