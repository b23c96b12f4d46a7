/**
 * What the panes show at a cursor position: each lane's call stack, the event at the
 * cursor, and the method running there. A pure function of the model and the cursor.
 */
import type { TraceEvent } from '@sockscope/core/trace';
import type { Lane } from './lanes.js';
import type { Span } from './spans.js';
import type { TraceModel } from './trace-model.js';

/** A lane and the calls open in it at the cursor, outermost first. */
export interface LaneStack {
  readonly lane: Lane;
  readonly frames: readonly Span[];
}

/** The method the cursor is in. */
export interface ActiveMethod {
  readonly cls: string;
  readonly method: string;
  readonly selfCls: string;
  readonly lane: string;
}

/** Everything at the cursor. */
export interface CursorState {
  /** The index of the event at the cursor (-1 before the first event). */
  readonly index: number;
  readonly event: TraceEvent | null;
  readonly stacks: readonly LaneStack[];
  /** The method running at the cursor (in the cursor event's lane), if any. */
  readonly active: ActiveMethod | null;
  /** Lanes that exist at the cursor (started, not ended before it). */
  readonly liveLanes: readonly Lane[];
}

/** True when `span` is open at event index `index` (its call seen, its end not yet). */
export function isOpenAt(span: Span, index: number): boolean {
  return span.startIndex <= index && (span.endIndex === null || span.endIndex > index);
}

/** The state at `index` (clamped to the trace). */
export function cursorState(model: TraceModel, index: number): CursorState {
  const at = Math.min(index, model.length - 1);
  const event = at >= 0 ? (model.events[at] ?? null) : null;
  // At the newest event (a live lab following along) the model already knows what is open;
  // anywhere else, the spans are searched.
  const open = at === model.length - 1 ? model.openSpans() : model.spans.filter((s) => isOpenAt(s, at));
  const lanes = model.orderedLanes().filter((l) => l.firstIndex <= at && (l.endIndex === null || l.endIndex >= at));
  const stacks = lanes.map((lane) => ({
    lane,
    frames: open.filter((s) => s.lane === lane.key).sort((a, b) => a.depth - b.depth),
  }));
  return { index: at, event, stacks, active: activeMethod(model, event, stacks), liveLanes: lanes };
}

function activeMethod(model: TraceModel, event: TraceEvent | null, stacks: readonly LaneStack[]): ActiveMethod | null {
  if (!event) return null;
  const lane = `${event.pid}:${event.tid}`;
  if (event.kind === 'call' || event.kind === 'return' || event.kind === 'exception') {
    const span = model.span(event.span);
    return { cls: event.cls, method: event.method, selfCls: span?.selfCls ?? event.cls, lane };
  }
  const top = stacks.find((s) => s.lane.key === lane)?.frames.at(-1);
  return top ? { cls: top.cls, method: top.method, selfCls: top.selfCls, lane } : null;
}
