/** The lane-name column at the left of the timeline. */
import type { LaneRow } from './layout.js';
import { uiFont, type DrawInput } from './draw-input.js';

/**
 * A lane's cell in the gutter: its thread name (split before " (" onto two lines when too
 * long, as in "Thread-2 / (process_request_thread)") and its role as a coloured tag, on the
 * next line when the lane is tall enough, else beside the name if it fits. Returns the texts drawn.
 */
export function drawGutterCell(ctx: CanvasRenderingContext2D, input: DrawInput, row: LaneRow, y: number): number {
  const { theme } = input;
  const pad = Math.round(theme.fontSize * 0.6);
  const maxW = theme.gutterWidth - 2 * pad;
  ctx.fillStyle = theme.headerBackground;
  ctx.fillRect(0, y, theme.gutterWidth, row.height);

  const nameFont = uiFont(theme, 600);
  const tagFont = uiFont(theme, 400, Math.round(theme.fontSize * 0.9));
  ctx.font = nameFont;
  const measure = (text: string): number => ctx.measureText(text).width;
  const lineH = Math.round(theme.fontSize * 1.35);
  const fitsLines = Math.max(1, 1 + Math.floor((row.height - theme.headerHeight / 2 - lineH / 2) / lineH));
  const name = row.lane.name;
  let lines = [name];
  if (measure(name) > maxW) {
    const cut = name.indexOf(' (');
    lines = cut > 0 && fitsLines >= 2 ? [name.slice(0, cut), name.slice(cut + 1)] : [name];
    lines = lines.map((line) => ellipsize(line, maxW, measure));
  }
  // Sticky: when the lane's top has scrolled under the axis, its name slides down with the view.
  const used = Math.min(fitsLines, lines.length + 1);
  const block = theme.headerHeight / 2 + (used - 1) * lineH + lineH / 2;
  const shift = Math.max(0, Math.min(theme.axisHeight - y, row.height - block));
  const firstY = y + shift + theme.headerHeight / 2;
  ctx.fillStyle = theme.headerText;
  lines.forEach((line, i) => {
    ctx.fillText(line, pad, firstY + i * lineH + 0.5);
  });

  // Forked children keep their parent's thread name: the pid tells them apart.
  const role = row.lane.role === 'child' ? `${input.labels.role('child')} · pid ${row.lane.pid}` : input.labels.role(row.lane.role);
  ctx.font = tagFont;
  const tagW = ctx.measureText(role).width + pad;
  const tagH = Math.min(theme.headerHeight - 6, lineH);
  let tagX = pad;
  let tagY = firstY + lines.length * lineH;
  if (lines.length >= fitsLines) {
    // No line left: beside the name, if there is room.
    ctx.font = nameFont;
    tagX = pad + measure(lines[0] ?? '') + pad * 0.8;
    tagY = firstY;
    if (lines.length > 1 || tagX + tagW > theme.gutterWidth - pad / 2) return lines.length;
    ctx.font = tagFont;
  }
  ctx.fillStyle = theme.roleColors[row.lane.role];
  roundRect(ctx, tagX, tagY - tagH / 2, tagW, tagH, 3);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.fillText(role, tagX + pad / 2, tagY + 0.5);
  return lines.length + 1;
}

/** `text` cut with an ellipsis to fit `maxW` (binary search on the length). */
function ellipsize(text: string, maxW: number, measure: (t: string) => number): string {
  if (measure(text) <= maxW) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${text.slice(0, mid)}…`) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
