/** Finding events by their `seq` (what the panes show as `#123`) in a list ordered by seq. */
import type { TraceEvent } from '@sockscope/core/trace';

/**
 * The index of the event with this seq, or of the last one before it (the nearest event the
 * cursor can show); 0 for a seq before the first; -1 when there are no events.
 */
export function indexOfSeq(events: ReadonlyArray<Pick<TraceEvent, 'seq'>>, seq: number): number {
  if (events.length === 0) return -1;
  let lo = 0;
  let hi = events.length - 1;
  if (seq <= (events[0]?.seq ?? 0)) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((events[mid]?.seq ?? 0) <= seq) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The seq of the event at `index`, or null. */
export function seqAt(events: ReadonlyArray<Pick<TraceEvent, 'seq'>>, index: number): number | null {
  return events[index]?.seq ?? null;
}
