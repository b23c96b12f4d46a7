/**
 * The timeline's index of the model: per lane, the call spans of each depth and the markers,
 * sorted by start time, so that drawing and hit-testing find what overlaps a time window by
 * binary search (O(log n + visible)) instead of walking the whole trace. It is kept in step
 * with the model incrementally, because a live lab appends events many times a second.
 */
import type { Span } from '../model/spans.js';
import type { Marker, TraceModel } from '../model/trace-model.js';

/** The first index `i` with `values[i] >= value` (`values` sorted ascending). */
export function lowerBound(values: readonly number[], value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index `i` with `values[i] > value` (`values` sorted ascending). */
export function upperBound(values: readonly number[], value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a span ends on screen: its end, or (still running) the latest time of the trace. */
export function spanEnd(span: Span, nowNs: number): number {
  return span.endNs ?? Math.max(nowNs, span.startNs);
}

/**
 * The spans of one lane at one depth, by start time. Calls on one thread nest, so these do
 * not overlap in a sound trace; `maxEnds` (a running maximum of end times, +∞ while a span is
 * open) keeps the window search exact even when a lost `return` leaves one open for ever.
 */
export class DepthList {
  readonly spans: Span[] = [];
  readonly starts: number[] = [];
  /** `maxEnds[i]` = the latest end among `spans[0..i]` (+∞ if any of them is open). Non-decreasing. */
  readonly maxEnds: number[] = [];
  /** The first position whose running maximum may change (an open span, or an insertion). */
  #dirtyFrom = Number.POSITIVE_INFINITY;

  /** Adds a span, keeping start order (appending is the usual case: calls arrive in time order). */
  add(span: Span): void {
    let at = this.starts.length;
    if (at > 0 && (this.starts[at - 1] as number) > span.startNs) at = upperBound(this.starts, span.startNs);
    if (at === this.starts.length) {
      this.spans.push(span);
      this.starts.push(span.startNs);
      this.maxEnds.push(0);
    } else {
      this.spans.splice(at, 0, span);
      this.starts.splice(at, 0, span.startNs);
      this.maxEnds.splice(at, 0, 0);
    }
    this.#dirtyFrom = Math.min(this.#dirtyFrom, at);
  }

  /** True when some running maximum must be recomputed (see `refresh`). */
  get dirty(): boolean {
    return this.#dirtyFrom < this.spans.length;
  }

  /** Recomputes the running maxima from the first dirty position; remembers the first open span. */
  refresh(): void {
    const from = this.#dirtyFrom;
    if (from >= this.spans.length) return;
    let max = from > 0 ? (this.maxEnds[from - 1] as number) : Number.NEGATIVE_INFINITY;
    let firstOpen = Number.POSITIVE_INFINITY;
    for (let i = from; i < this.spans.length; i++) {
      const end = (this.spans[i] as Span).endNs;
      if (end === null && firstOpen === Number.POSITIVE_INFINITY) firstOpen = i;
      max = Math.max(max, end ?? Number.POSITIVE_INFINITY);
      this.maxEnds[i] = max;
    }
    // An open span's end will change: its position stays dirty until it closes.
    this.#dirtyFrom = firstOpen;
  }

  /** The position of the first span that may overlap a window starting at `startNs`. */
  firstEndingAfter(startNs: number): number {
    return lowerBound(this.maxEnds, startNs);
  }

  /** The spans overlapping [startNs, endNs] (closed interval), in start order. */
  query(startNs: number, endNs: number, nowNs: number): Span[] {
    const out: Span[] = [];
    const stop = upperBound(this.starts, endNs);
    for (let i = this.firstEndingAfter(startNs); i < stop; i++) {
      const span = this.spans[i] as Span;
      if (spanEnd(span, nowNs) >= startNs) out.push(span);
    }
    return out;
  }
}

/** Everything the timeline draws in one lane. */
export class LaneItems {
  /** `depths[d]` holds the lane's spans at nesting depth d. */
  readonly depths: DepthList[] = [];
  readonly markers: Marker[] = [];
  readonly markerNs: number[] = [];

  constructor(readonly key: string) {}

  /** The deepest nesting seen (-1 for a lane without calls). */
  get maxDepth(): number {
    return this.depths.length - 1;
  }

  /** The markers with a time in [startNs, endNs], as a position range into `markers`. */
  markerRange(startNs: number, endNs: number): readonly [number, number] {
    return [lowerBound(this.markerNs, startNs), upperBound(this.markerNs, endNs)];
  }

  /** Files a span under its depth; returns the list it went into. */
  addSpan(span: Span): DepthList {
    while (this.depths.length <= span.depth) this.depths.push(new DepthList());
    const list = this.depths[span.depth] as DepthList;
    list.add(span);
    return list;
  }

  /** Adds a marker, keeping time order. */
  addMarker(marker: Marker): void {
    let at = this.markerNs.length;
    if (at > 0 && (this.markerNs[at - 1] as number) > marker.ns) at = upperBound(this.markerNs, marker.ns);
    if (at === this.markerNs.length) {
      this.markers.push(marker);
      this.markerNs.push(marker.ns);
    } else {
      this.markers.splice(at, 0, marker);
      this.markerNs.splice(at, 0, marker.ns);
    }
  }
}

/** The index of a whole model, per lane key. Call `sync(model)` whenever the model's version changes. */
export class TimelineIndex {
  readonly lanes = new Map<string, LaneItems>();
  #model: TraceModel | null = null;
  #spans = 0;
  #markers = 0;
  /** Lists holding an open span (or a fresh insertion): the only ones `sync` must refresh. */
  readonly #dirty = new Set<DepthList>();
  readonly #classes = new Set<string>();

  /** The classes whose methods appear, in order of first call (for a legend). */
  get classes(): readonly string[] {
    return [...this.#classes];
  }

  /** The lane's items, if it has any spans or markers. */
  lane(key: string): LaneItems | undefined {
    return this.lanes.get(key);
  }

  #items(key: string): LaneItems {
    let items = this.lanes.get(key);
    if (!items) {
      items = new LaneItems(key);
      this.lanes.set(key, items);
    }
    return items;
  }

  /**
   * Takes in what the model gained since the last call (everything, for a new model).
   * Returns true if anything changed.
   */
  sync(model: TraceModel): boolean {
    if (model !== this.#model || model.spans.length < this.#spans || model.markers.length < this.#markers) {
      this.lanes.clear();
      this.#dirty.clear();
      this.#classes.clear();
      this.#model = model;
      this.#spans = 0;
      this.#markers = 0;
    }
    const changed = model.spans.length > this.#spans || model.markers.length > this.#markers || this.#dirty.size > 0;
    for (; this.#spans < model.spans.length; this.#spans++) {
      const span = model.spans[this.#spans] as Span;
      this.#dirty.add(this.#items(span.lane).addSpan(span));
      this.#classes.add(span.cls);
    }
    for (; this.#markers < model.markers.length; this.#markers++) {
      const marker = model.markers[this.#markers] as Marker;
      this.#items(marker.lane).addMarker(marker);
    }
    for (const list of this.#dirty) {
      list.refresh();
      if (!list.dirty) this.#dirty.delete(list);
    }
    return changed;
  }
}
