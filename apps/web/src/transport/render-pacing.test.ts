import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING, renderGap, smoothCost } from './render-pacing.js';

describe('WEB-LIVE-PACING-1 renders of streamed events are spaced by their cost', () => {
  it('a cheap render keeps the least gap (20 renders a second)', () => {
    expect(renderGap(0)).toBe(50);
    expect(renderGap(10)).toBe(50);
  });

  it('a costly render waits so renders take at most a fifth of the page\'s time', () => {
    expect(renderGap(20)).toBe(100);
    expect(renderGap(40)).toBe(200);
  });

  it('never waits longer than the largest gap', () => {
    expect(renderGap(500)).toBe(250);
  });

  it('other settings are honoured', () => {
    expect(renderGap(30, { ...DEFAULT_PACING, share: 0.5 })).toBe(60);
    expect(renderGap(3, { ...DEFAULT_PACING, minGapMs: 10 })).toBe(15);
  });

  it('the cost leans on the newest render', () => {
    expect(smoothCost(null, 40)).toBe(40);
    expect(smoothCost(40, 10)).toBe(25);
    expect(smoothCost(smoothCost(40, 10), 10)).toBe(17.5);
  });
});
