/**
 * What one frame of the timeline is drawn from, what it reports back, and the fonts it
 * derives from the theme: shared by draw.ts and its parts (gutter, flows, axis).
 */
import type { CursorState } from '../model/cursor-state.js';
import type { LaneRole } from '../model/lanes.js';
import type { TraceModel } from '../model/trace-model.js';
import type { Hit } from './hit-test.js';
import type { TimelineLayout } from './layout.js';
import type { TimeScale } from './scale.js';
import type { TimelineIndex } from './span-index.js';
import type { Theme } from './theme.js';

/** Translated words the canvas shows. */
export interface DrawLabels {
  role(role: LaneRole): string;
  lost(count: number): string;
}

/** Everything one frame depends on. */
export interface DrawInput {
  /** Canvas size, CSS px. */
  readonly width: number;
  readonly height: number;
  readonly layout: TimelineLayout;
  readonly index: TimelineIndex;
  readonly scale: TimeScale;
  /** Vertical scroll of the lanes, content px. */
  readonly scrollTop: number;
  readonly model: TraceModel;
  readonly cursor: CursorState;
  readonly theme: Theme;
  readonly hovered: Hit | null;
  readonly labels: DrawLabels;
}

/** What a frame drew (for tests and the performance check). */
export interface DrawStats {
  rows: number;
  spans: number;
  merged: number;
  markers: number;
  flows: number;
  texts: number;
}

/** The UI font (lane names, axis) at a weight and size. */
export function uiFont(theme: Theme, weight = 400, size = theme.fontSize): string {
  return `${weight} ${size}px ${theme.fontFamily}`;
}

/** The span-label font: monospace, a pixel smaller than the UI font. */
export function monoFont(theme: Theme): string {
  return `${theme.fontSize - 1}px ${theme.monoFamily}`;
}

/** The x (time-area px) of the event at `index`, or of the last event when `index` is past the end (a gap at the tail). */
export function eventX(input: DrawInput, index: number): number | null {
  const { model, scale } = input;
  const e = model.events[index] ?? model.events[model.events.length - 1];
  return e ? scale.x(e.t_ns) : null;
}
