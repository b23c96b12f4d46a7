/**
 * Pure helpers of the browser suites (`live`, `timeline`): frame rates from rAF times,
 * event-to-screen latencies from what the page recorded, and the "at most" targets written
 * as a headroom ratio so that they fit the report's "wanted minimum" checks.
 */
import { percentile } from '../lib/stats.js';
import type { TargetCheck } from '../lib/targets.js';
import { check } from '../lib/targets.js';

/** Frames per second from the rAF callback times (ms) seen in a window of `seconds`; null without frames. */
export function framesPerSecond(frameTimesMs: readonly number[], seconds: number): number | null {
  if (frameTimesMs.length === 0 || !(seconds > 0)) return null;
  return frameTimesMs.length / seconds;
}

/** The longest gap (ms) between two consecutive frames; null for fewer than two. */
export function longestFrameMs(frameTimesMs: readonly number[]): number | null {
  if (frameTimesMs.length < 2) return null;
  let longest = 0;
  for (let i = 1; i < frameTimesMs.length; i++) longest = Math.max(longest, (frameTimesMs[i] as number) - (frameTimesMs[i - 1] as number));
  return longest;
}

/** One batch of events as the page saw it: wall-clock ms of its arrival and of the next frame, and its events' `t_ns`. */
export interface SeenBatch {
  readonly arrive: number;
  readonly shown: number | null;
  readonly tns: readonly number[];
}

/** Event-to-screen latency percentiles (ms), and how the clocks were joined. */
export interface ScreenLatency {
  readonly events: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
  /** Wall-clock ms of the trace's `t_ns` 0, estimated as min(arrival − t_ns) over every event. */
  readonly offsetMs: number | null;
}

/**
 * Event-to-screen latency. `t_ns` counts from the lab's own monotonic epoch, which the page
 * does not know; the epoch's wall-clock time is estimated as the smallest `arrival − t_ns`
 * over all events (the event that reached the page fastest is taken to have taken 0 ms).
 * Each event's latency is then `shown − (offset + t_ns)`: the time from its emission to the
 * first animation frame after its batch arrived, above the fastest delivery (a lower bound
 * by that fastest delivery, about a millisecond on loopback).
 */
export function screenLatency(batches: readonly SeenBatch[]): ScreenLatency {
  let offset = Infinity;
  for (const b of batches) for (const t of b.tns) offset = Math.min(offset, b.arrive - t / 1e6);
  const lat: number[] = [];
  for (const b of batches) {
    if (b.shown === null) continue;
    for (const t of b.tns) lat.push(b.shown - (offset + t / 1e6));
  }
  if (lat.length === 0) return { events: 0, p50: null, p95: null, max: null, offsetMs: Number.isFinite(offset) ? offset : null };
  return { events: lat.length, p50: percentile(lat, 50), p95: percentile(lat, 95), offsetMs: offset, ...maxOf(lat) };
}

function maxOf(values: readonly number[]): { max: number } {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  return { max };
}

/** A target "at least `wanted`": the value is measured ÷ wanted (≥ 1× passes). */
export function atLeast(suite: string, text: string, wanted: number, measured: number | null, detail: string): TargetCheck {
  return check(suite, text, 1, measured === null ? null : measured / wanted, detail);
}

/** A target "at most `wanted`": the value is wanted ÷ measured (≥ 1× passes). */
export function atMost(suite: string, text: string, wanted: number, measured: number | null, detail: string): TargetCheck {
  return check(suite, text, 1, measured === null ? null : wanted / Math.max(measured, 1e-3), detail);
}

/** A target that could not be measured here: a MISS with the reason (no number is made up). */
export function unmeasured(suite: string, text: string, reason: string): TargetCheck {
  return { suite, text, min: 1, value: null, verdict: 'MISS', detail: `not measured: ${reason}` };
}
