/** Counts and latencies of one load run, turned into a LoadResult at the end. */
import { summarizeLatencies } from '../lib/stats.js';
import type { LoadResult } from './spec.js';

/** Milliseconds from an arbitrary origin (monotonic). */
export const now = (): number => performance.now();

/** What a load run collects while it runs. */
export class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  slowConnects = 0;
  lost = 0;
  capped = false;
  readonly errorSamples: string[] = [];
  readonly start: number;
  last: number;

  constructor(
    readonly maxSeconds: number,
    start = now(),
  ) {
    this.start = start;
    this.last = start;
  }

  /** Milliseconds left before `maxSeconds` (negative once over). */
  remainingMs(): number {
    return this.maxSeconds * 1000 - (now() - this.start);
  }

  /** Whether new requests may still start. */
  open(): boolean {
    if (now() - this.start < this.maxSeconds * 1000) return true;
    this.capped = true;
    return false;
  }

  /** One request answered after `ms`. */
  answered(ms: number): void {
    this.latencies.push(ms);
    this.last = now();
  }

  error(what: string): void {
    this.errors++;
    if (this.errorSamples.length < 5) this.errorSamples.push(what);
  }

  result(): LoadResult {
    const seconds = Math.max(1e-6, (this.last - this.start) / 1000);
    const requests = this.latencies.length;
    return {
      requests,
      seconds,
      rps: requests / seconds,
      ...summarizeLatencies(this.latencies),
      errors: this.errors,
      slowConnects: this.slowConnects,
      lost: this.lost,
      capped: this.capped,
      errorSamples: this.errorSamples,
    };
  }
}

/** A request line of `size` bytes: `x`s and a final newline (size ≥ 2). */
export function requestLine(size: number): Buffer {
  const line = Buffer.alloc(Math.max(2, size), 'x');
  line[line.length - 1] = 0x0a;
  return line;
}
