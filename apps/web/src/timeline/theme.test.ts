import { describe, expect, it } from 'vitest';
import { exampleModel } from '../model/examples.fixture.js';
import { glyphOf } from './glyphs.js';
import { classColor, NORMAL_THEME, OKABE_ITO, PRESENTER_THEME, textColorOn, themeFor } from './theme.js';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const n = Number.parseInt(hex.slice(1), 16);
    const c = (v: number): number => (v / 255 <= 0.039_28 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c((n >> 16) & 255) + 0.7152 * c((n >> 8) & 255) + 0.0722 * c(n & 255);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('TL-THEME-1 colours: by implementing class, readable, colour-blind safe', () => {
  const classes = new Set(['ThreadingTCPServer', 'ForkingTCPServer', 'UDPServer', 'crash-handler', 'bad-base-order'].flatMap((n) => exampleModel(n).spans.map((s) => s.cls)));

  it('the socketserver classes that override each other get different colours', () => {
    expect(classColor('ThreadingMixIn')).not.toBe(classColor('BaseServer'));
    expect(classColor('ForkingMixIn')).not.toBe(classColor('BaseServer'));
    expect(classColor('TCPServer')).not.toBe(classColor('BaseServer'));
    expect(classColor('BaseRequestHandler')).not.toBe(classColor('SlowEchoHandler'));
    expect(classColor('ThreadingMixIn')).toBe(OKABE_ITO.orange);
  });

  it('span labels reach WCAG AA contrast (4.5:1) on every span colour, exceptions included', () => {
    for (const cls of [...classes, 'SomeUserMixIn', 'Custom']) {
      const fill = classColor(cls);
      expect(contrast(fill, textColorOn(fill)), `${cls} ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(OKABE_ITO.vermillion, textColorOn(OKABE_ITO.vermillion))).toBeGreaterThanOrEqual(4.5);
  });

  it('role tags (white text) and lane names reach 4.5:1 in both themes; glyphs reach 3:1 on the lane header', () => {
    for (const theme of [NORMAL_THEME, PRESENTER_THEME]) {
      for (const color of Object.values(theme.roleColors)) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme.headerText, theme.headerBackground)).toBeGreaterThanOrEqual(7);
      expect(contrast(theme.axisText, theme.axisBackground)).toBeGreaterThanOrEqual(7);
      for (const kind of ['accept', 'connect', 'recv', 'send', 'thread_spawn', 'fork', 'close', 'thread_exit', 'reap', 'bind', 'listen', 'node_difference'] as const) {
        expect(contrast(glyphOf(kind).color, theme.laneAlive), kind).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('the presenter theme is larger and bolder', () => {
    expect(themeFor(true)).toBe(PRESENTER_THEME);
    expect(themeFor(false)).toBe(NORMAL_THEME);
    expect(PRESENTER_THEME.fontSize).toBeGreaterThan(NORMAL_THEME.fontSize);
    expect(PRESENTER_THEME.rowHeight).toBeGreaterThan(NORMAL_THEME.rowHeight);
    expect(PRESENTER_THEME.lineWidth).toBeGreaterThan(NORMAL_THEME.lineWidth);
    expect(contrast(PRESENTER_THEME.headerText, PRESENTER_THEME.headerBackground)).toBeGreaterThan(contrast(NORMAL_THEME.headerText, NORMAL_THEME.headerBackground) - 1e-9);
  });
});
