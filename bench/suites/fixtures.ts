/** Made-up rows and samples for the suites' unit tests (no server involved). */
import type { LoadResult } from '../load/spec.js';
import type { Impl } from '../servers/launch.js';
import { toRow, type Row, type Sample } from './rounds.js';

/** A load result with `rps` and `p50`, everything else quiet. */
export function result(rps: number, p50 = 1, extra: Partial<LoadResult> = {}): LoadResult {
  return { requests: Math.round(rps), seconds: 1, rps, p50, p99: p50 * 2, max: p50 * 3, errors: 0, slowConnects: 0, lost: 0, capped: false, errorSamples: [], ...extra };
}

/** A sample with a result and a CPU figure. */
export function sample(rps: number, cpuUs: number | null = 10, extra: Partial<LoadResult> = {}): Sample {
  return { result: result(rps, 1000 / rps, extra), cpuUs, eventsPerReq: null, viewerEvents: null, viewerGap: null };
}

/** A row of `impl` for `cls` in `group` whose rounds gave these req/s. */
export function row(group: string, cls: string, impl: Impl, rps: readonly number[], queue = 5): Row {
  return toRow(group, { impl, cls, queue }, rps.map((r) => sample(r)));
}
