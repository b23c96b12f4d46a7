import { describe, expect, it } from 'vitest';
import { rotate, toRow } from './rounds.js';
import { sample } from './fixtures.js';

describe('rotate', () => {
  it('starts round r with the r-th server, wrapping around', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(rotate([], 3)).toEqual([]);
  });
});

describe('toRow', () => {
  it('takes the median of each figure over the rounds and sums the troubles', () => {
    const r = toRow('connect-q5', { impl: 'cpython', cls: 'TCPServer', queue: 5 }, [
      sample(100, 30, { errors: 1, slowConnects: 4 }),
      sample(300, 10),
      sample(200, null, { slowConnects: 2, capped: true }),
    ]);
    expect(r.rps).toBe(200);
    expect(r.cpuUs).toBe(20);
    expect(r.p50).toBe(5);
    expect(r.errors).toBe(1);
    expect(r.slowConnects).toBe(6);
    expect(r.capped).toBe(true);
    expect(r.transport).toBe('tcp');
    expect(r.viewerEvents).toBeNull();
  });

  it('a server that could not start has no figures and says why', () => {
    const r = toRow('udp', { impl: 'cpython', cls: 'UDPServer', queue: 5 }, [], 'no python3');
    expect(r).toMatchObject({ rps: null, p50: null, skipped: 'no python3', transport: 'udp' });
  });
});
