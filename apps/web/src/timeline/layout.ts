/**
 * Lanes stacked into rows. A lane is a header band (its name, role and event markers) above
 * one row per call depth. Y coordinates are in content space: 0 is the top of the first lane,
 * before vertical scrolling and the time axis are applied.
 */
import type { Lane } from '../model/lanes.js';
import type { TimelineIndex } from './span-index.js';

/** Row sizes, CSS px (the presenter theme uses larger ones). */
export interface RowMetrics {
  readonly headerHeight: number;
  readonly rowHeight: number;
  /** Space between two lanes. */
  readonly laneGap: number;
}

/** One lane's place in the stack. */
export interface LaneRow {
  readonly lane: Lane;
  /** Position in drawing order. */
  readonly position: number;
  /** Top of the lane's header, content px. */
  readonly y: number;
  /** Header + (max depth + 1) × row height. */
  readonly height: number;
  /** Number of call-depth rows (0 for a lane without calls). */
  readonly depths: number;
}

/** All lanes stacked. */
export interface TimelineLayout {
  readonly rows: readonly LaneRow[];
  readonly byLane: ReadonlyMap<string, LaneRow>;
  readonly metrics: RowMetrics;
  /** Height of everything, content px. */
  readonly contentHeight: number;
}

/** Stacks `lanes` (in drawing order); each lane gets as many rows as its deepest call needs. */
export function layoutRows(lanes: readonly Lane[], maxDepthOf: (laneKey: string) => number, metrics: RowMetrics): TimelineLayout {
  const rows: LaneRow[] = [];
  const byLane = new Map<string, LaneRow>();
  let y = 0;
  for (const [position, lane] of lanes.entries()) {
    const depths = Math.max(0, maxDepthOf(lane.key) + 1);
    const row: LaneRow = { lane, position, y, height: metrics.headerHeight + depths * metrics.rowHeight, depths };
    rows.push(row);
    byLane.set(lane.key, row);
    y += row.height + metrics.laneGap;
  }
  return { rows, byLane, metrics, contentHeight: Math.max(0, y - metrics.laneGap) };
}

/** The layout of a model's lanes, with depths from the timeline index. */
export function layoutFromIndex(lanes: readonly Lane[], index: TimelineIndex, metrics: RowMetrics): TimelineLayout {
  return layoutRows(lanes, (key) => index.lane(key)?.maxDepth ?? -1, metrics);
}

/** The lanes intersecting the viewport [scrollTop, scrollTop + height), top to bottom (binary search). */
export function visibleRows(layout: TimelineLayout, scrollTop: number, height: number): readonly LaneRow[] {
  const { rows } = layout;
  const first = firstRowEndingAfter(rows, scrollTop);
  let stop = first;
  while (stop < rows.length && (rows[stop] as LaneRow).y < scrollTop + height) stop++;
  return rows.slice(first, stop);
}

/** The lane at content y (header or rows), if any (not in the gaps between lanes). */
export function rowAt(layout: TimelineLayout, y: number): LaneRow | undefined {
  const row = layout.rows[firstRowEndingAfter(layout.rows, y)];
  return row && row.y <= y && y < row.y + row.height ? row : undefined;
}

/** The call depth at content y within `row`, or -1 in its header. */
export function depthAt(row: LaneRow, metrics: RowMetrics, y: number): number {
  const inRows = y - row.y - metrics.headerHeight;
  return inRows < 0 ? -1 : Math.min(row.depths - 1, Math.floor(inRows / metrics.rowHeight));
}

/** The top of depth row `depth` of `row`, content px. */
export function depthTop(row: LaneRow, metrics: RowMetrics, depth: number): number {
  return row.y + metrics.headerHeight + depth * metrics.rowHeight;
}

/** `scrollTop` kept within [0, contentHeight - viewport]. */
export function clampScrollTop(layout: TimelineLayout, scrollTop: number, viewportHeight: number): number {
  return Math.max(0, Math.min(scrollTop, layout.contentHeight - viewportHeight));
}

/** The first row whose bottom is below `y` (rows are sorted by y and do not overlap). */
function firstRowEndingAfter(rows: readonly LaneRow[], y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid] as LaneRow;
    if (row.y + row.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
