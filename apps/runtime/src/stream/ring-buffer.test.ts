import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('STREAM-1 ring buffer keeps the newest `capacity` items in order', () => {
  it('overwrites the oldest when full and returns it', () => {
    const ring = new RingBuffer<number>(3);
    expect([1, 2, 3].map((n) => ring.push(n))).toEqual([undefined, undefined, undefined]);
    expect(ring.push(4)).toBe(1);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.length).toBe(3);
  });

  it('shifts, takes and grows across the wrap point', () => {
    const ring = new RingBuffer<number>(5);
    for (let n = 1; n <= 3; n++) ring.push(n);
    expect(ring.shift()).toBe(1);
    expect(ring.shift()).toBe(2);
    for (let n = 4; n <= 7; n++) ring.push(n); // grows while start is not 0
    expect(ring.toArray()).toEqual([3, 4, 5, 6, 7]);
    expect(ring.peek()).toBe(3);
    expect(ring.take(2)).toEqual([3, 4]);
    ring.push(8);
    ring.push(9);
    expect(ring.push(10)).toBe(5);
    expect(ring.take(100)).toEqual([6, 7, 8, 9, 10]);
    expect(ring.shift()).toBeUndefined();
    expect(ring.peek()).toBeUndefined();
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
