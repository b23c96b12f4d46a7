/**
 * The timeline's colours and sizes. Colours come from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; shapes (marker glyphs, the ⚠
 * on exceptions) repeat what colour says. The presenter theme is for a projector at the
 * back of a lecture hall: larger type and rows, thicker lines, stronger contrast.
 */
import type { LaneRole } from '../model/lanes.js';
import type { RowMetrics } from './layout.js';

/** The Okabe–Ito palette. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Colour of a span by the class that implements the method, so overrides stand out (ThreadingMixIn vs BaseServer). */
const CLASS_COLORS: Readonly<Record<string, string>> = {
  BaseServer: OKABE_ITO.blue,
  TCPServer: OKABE_ITO.skyBlue,
  UDPServer: '#A6D8F5',
  UnixStreamServer: '#A6D8F5',
  UnixDatagramServer: '#A6D8F5',
  ThreadingMixIn: OKABE_ITO.orange,
  ForkingMixIn: OKABE_ITO.reddishPurple,
  BaseRequestHandler: OKABE_ITO.bluishGreen,
  StreamRequestHandler: '#6CC4A4',
  DatagramRequestHandler: '#6CC4A4',
  _Threads: '#B9B9B9',
  _NoThreads: '#B9B9B9',
};

/** Colours for classes not named above, picked by a hash of the name (user servers, mixins). */
const OTHER_CLASS_COLORS = [OKABE_ITO.yellow, '#F5C76B', '#E3A9C9', '#8FCBEF', '#7FD1B9'] as const;

/** The colour of spans implemented by `cls`. User request handlers (`…Handler`) are yellow. */
export function classColor(cls: string): string {
  const known = CLASS_COLORS[cls];
  if (known) return known;
  if (cls.endsWith('Handler')) return OKABE_ITO.yellow;
  let hash = 0;
  for (let i = 0; i < cls.length; i++) hash = (hash * 31 + cls.charCodeAt(i)) >>> 0;
  return OTHER_CLASS_COLORS[hash % OTHER_CLASS_COLORS.length] as string;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number): number => {
    const v = c / 255;
    return v <= 0.039_28 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return lum > 0.179 ? '#000000' : '#ffffff';
}

/** Everything the drawing needs to know about looks. */
export interface Theme extends RowMetrics {
  readonly name: 'normal' | 'presenter';
  /** Height of the time axis band at the top, CSS px. */
  readonly axisHeight: number;
  /** Width of the lane-name column at the left, CSS px (the time area is the rest). */
  readonly gutterWidth: number;
  /** UI font size (lane names, axis), CSS px. */
  readonly fontSize: number;
  readonly fontFamily: string;
  /** Span labels are identifiers: monospace, so truncation needs no measuring per label. */
  readonly monoFamily: string;
  readonly background: string;
  readonly headerBackground: string;
  /** The header band while the lane's thread or process is alive. */
  readonly laneAlive: string;
  readonly headerText: string;
  readonly mutedText: string;
  readonly gridLine: string;
  readonly axisBackground: string;
  readonly axisText: string;
  readonly cursor: string;
  readonly flow: string;
  readonly gap: string;
  readonly exception: string;
  /** Merged sub-pixel spans. */
  readonly merged: string;
  readonly hover: string;
  readonly selected: string;
  /** Line width of outlines and arrows. */
  readonly lineWidth: number;
  /** Marker glyph half-size. */
  readonly glyph: number;
  /** Opacity of what happens after the cursor. */
  readonly futureAlpha: number;
  readonly roleColors: Readonly<Record<LaneRole, string>>;
}

/** The everyday theme. */
export const NORMAL_THEME: Theme = {
  name: 'normal',
  headerHeight: 20,
  rowHeight: 18,
  laneGap: 4,
  axisHeight: 26,
  gutterWidth: 200,
  fontSize: 12,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif',
  monoFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  background: '#ffffff',
  headerBackground: '#f6f7f9',
  laneAlive: '#e3e7ec',
  headerText: '#1f2328',
  mutedText: '#57606a',
  gridLine: '#e4e7eb',
  axisBackground: '#fafbfc',
  axisText: '#3d444d',
  cursor: '#000000',
  flow: '#3d444d',
  gap: OKABE_ITO.vermillion,
  exception: OKABE_ITO.vermillion,
  merged: '#8c959f',
  hover: '#000000',
  selected: '#000000',
  lineWidth: 1,
  glyph: 4,
  futureAlpha: 0.35,
  roleColors: {
    main: '#57606a',
    loop: OKABE_ITO.blue,
    // Okabe–Ito orange darkened until white text on it reaches 4.5:1.
    worker: '#8a5a00',
    child: '#a3497d',
    client: '#00775a',
  },
};

/** The projector theme: bigger, bolder, higher contrast. */
export const PRESENTER_THEME: Theme = {
  ...NORMAL_THEME,
  name: 'presenter',
  headerHeight: 28,
  rowHeight: 28,
  laneGap: 6,
  axisHeight: 34,
  gutterWidth: 270,
  fontSize: 17,
  headerBackground: '#eef0f2',
  laneAlive: '#d3d8de',
  headerText: '#000000',
  mutedText: '#24292f',
  gridLine: '#d0d5db',
  axisBackground: '#f3f4f6',
  axisText: '#000000',
  flow: '#000000',
  lineWidth: 2,
  glyph: 6,
  futureAlpha: 0.3,
  roleColors: {
    main: '#24292f',
    loop: '#005a8c',
    worker: '#7a5000',
    child: '#7f2f5d',
    client: '#005a44',
  },
};

/** The theme for the `presenter` prop. */
export function themeFor(presenter: boolean): Theme {
  return presenter ? PRESENTER_THEME : NORMAL_THEME;
}
