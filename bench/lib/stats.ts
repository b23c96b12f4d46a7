/** Small statistics for the benchmark: percentiles of latencies and medians of rounds. */

/**
 * The `p`-th percentile (0–100) of `values`, by linear interpolation between the closest
 * ranks (what numpy's default does). NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile ${p} is not within 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  return percentileSorted(sorted, p);
}

/** `percentile` of values already sorted ascending (no copy). */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The median of the values that are numbers; null when there are none. */
export function medianOf(values: ReadonlyArray<number | null | undefined>): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return nums.length === 0 ? null : median(nums);
}

/** Latency summary in milliseconds. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** p50, p99 and max of latencies (ms); NaN fields when there are none. */
export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  if (ms.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(ms).sort();
  const arr = Array.from(sorted);
  return { p50: percentileSorted(arr, 50), p99: percentileSorted(arr, 99), max: arr[arr.length - 1] as number };
}

/** `a / b`, or null when either is missing or `b` is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}
