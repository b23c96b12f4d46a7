import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from './frame-scheduler.js';

/** A fake requestAnimationFrame: frames run when the test says so. */
function fakeRaf() {
  const callbacks = new Map<number, (now: number) => void>();
  let next = 1;
  let requests = 0;
  return {
    raf: (cb: (now: number) => void) => {
      requests++;
      callbacks.set(next, cb);
      return next++;
    },
    caf: (h: number) => {
      callbacks.delete(h);
    },
    frame(now = 16) {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb(now);
    },
    get requests() {
      return requests;
    },
    get waiting() {
      return callbacks.size;
    },
  };
}

describe('TL-FRAME-1 many requests per frame are coalesced', () => {
  it('one animation frame for any number of requests; the latest callback per key wins', () => {
    const raf = fakeRaf();
    const s = createFrameScheduler(raf.raf, raf.caf);
    const ran: string[] = [];
    for (let i = 0; i < 100; i++) s.scheduleFrame('draw', () => ran.push(`draw ${i}`));
    s.scheduleFrame('hover', () => ran.push('hover'));
    expect(raf.requests).toBe(1);
    expect(ran).toEqual([]);
    expect(s.pending).toBe(true);
    raf.frame();
    expect(ran).toEqual(['draw 99', 'hover']);
    expect(s.pending).toBe(false);
  });

  it('passes the frame time; work scheduled during a frame runs in the next one', () => {
    const raf = fakeRaf();
    const s = createFrameScheduler(raf.raf, raf.caf);
    const times: number[] = [];
    const step = (now: number): void => {
      times.push(now);
      if (times.length < 3) s.scheduleFrame('anim', step);
    };
    s.scheduleFrame('anim', step);
    raf.frame(10);
    raf.frame(26);
    raf.frame(42);
    raf.frame(58);
    expect(times).toEqual([10, 26, 42]);
    expect(raf.requests).toBe(3);
  });
});

describe('TL-FRAME-2 cancel, dispose and errors', () => {
  it('cancelling the last key cancels the frame request', () => {
    const raf = fakeRaf();
    const s = createFrameScheduler(raf.raf, raf.caf);
    let ran = false;
    s.scheduleFrame('a', () => (ran = true));
    s.cancelFrame('a');
    expect(raf.waiting).toBe(0);
    raf.frame();
    expect(ran).toBe(false);
    s.scheduleFrame('a', () => (ran = true));
    s.dispose();
    raf.frame();
    expect(ran).toBe(false);
  });

  it('a throwing callback does not stop the others, and its error surfaces', () => {
    const raf = fakeRaf();
    const s = createFrameScheduler(raf.raf, raf.caf);
    let ran = false;
    s.scheduleFrame('bad', () => {
      throw new Error('boom');
    });
    s.scheduleFrame('good', () => (ran = true));
    expect(() => raf.frame()).toThrow('boom');
    expect(ran).toBe(true);
    s.scheduleFrame('again', () => undefined);
    expect(raf.requests).toBe(2);
  });
});
