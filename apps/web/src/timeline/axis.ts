/**
 * The time axis: nice tick positions (d3-scale) and labels in s, ms, µs or ns with just
 * enough decimals for the tick step (d3-format). Deep zooms far into a trace would give long
 * labels ("523456500 ns"), so the axis then labels ticks relative to an origin shown once.
 */
import { format, precisionFixed, scaleLinear } from 'd3';
import type { TimeScale } from './scale.js';

/** One tick. */
export interface Tick {
  readonly ns: number;
  /** CSS px from the left edge. */
  readonly x: number;
  readonly label: string;
}

/** The ticks of a scale, and (for deep zooms) the origin they are relative to. */
export interface Axis {
  readonly ticks: readonly Tick[];
  /** Shown once at the left edge when tick labels are offsets from it ("523.4 ms"), else null. */
  readonly origin: string | null;
}

const UNITS = [
  { ns: 1e9, name: 's' },
  { ns: 1e6, name: 'ms' },
  { ns: 1e3, name: 'µs' },
  { ns: 1, name: 'ns' },
] as const;

type Unit = (typeof UNITS)[number];

/** Labels longer than this switch the axis to origin + offsets. */
const MAX_LABEL = 9;

/** The unit to label a step (or a duration) with: the largest that keeps it ≥ 1. */
function unitFor(ns: number): Unit {
  return UNITS.find((u) => Math.abs(ns) >= u.ns) ?? UNITS[3];
}

/** About `count` ticks across the scale's window. */
export function timeAxis(scale: TimeScale, count: number): Axis {
  const linear = scaleLinear().domain([scale.startNs, scale.endNs]);
  const values = linear.ticks(Math.max(2, count));
  const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : scale.durationNs;
  const unit = unitFor(step);
  const fmt = format(`.${precisionFixed(step / unit.ns)}f`);
  const label = (ns: number): string => `${fmt(ns / unit.ns)} ${unit.name}`;
  const absolute = values.map((ns) => ({ ns, x: scale.x(ns), label: label(ns) }));
  if (!absolute.some((t) => t.label.length > MAX_LABEL)) return { ticks: absolute, origin: null };

  // Origin: the first tick rounded down to a power of ten above the window's duration, so
  // offsets stay short ("+6000 ns") and the origin reads exactly ("523.45 ms").
  const coarse = 10 ** Math.ceil(Math.log10(scale.durationNs));
  const origin = Math.floor((values[0] ?? scale.startNs) / coarse) * coarse;
  const originUnit = unitFor(origin);
  const originLabel = `${format(`.${precisionFixed(coarse / originUnit.ns)}f`)(origin / originUnit.ns)} ${originUnit.name}`;
  const ticks = values.map((ns) => ({ ns, x: scale.x(ns), label: `+${label(ns - origin)}` }));
  return { ticks, origin: originLabel };
}

/** A duration (or a time) for people: 3 significant digits in the largest fitting unit ("1.23 ms", "850 µs"). */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0 ns';
  const unit = unitFor(ns);
  const value = ns / unit.ns;
  return `${Math.abs(value) >= 100 || unit.name === 'ns' ? format('.0f')(value) : format('.3~r')(value)} ${unit.name}`;
}
