import { describe, expect, it } from 'vitest';
import { current_thread, sleep, Thread } from './thread.js';

describe('THR-0 logical threads behave like threading.Thread', () => {
  it('are named Thread-N (target), inherit daemon, are joinable, and know who runs', async () => {
    const seen: string[] = [];
    async function worker(tag: string): Promise<void> {
      await sleep(0.01);
      seen.push(`${tag}:${current_thread().name}`);
    }
    const a = new Thread({ target: worker, args: ['a'] });
    const b = new Thread({ target: worker, args: ['b'], name: 'custom', daemon: true });
    expect(a.name).toMatch(/^Thread-\d+ \(worker\)$/);
    expect(a.daemon).toBe(false);
    expect(b.daemon).toBe(true);
    expect(a.ident).not.toBe(b.ident);
    a.start();
    b.start();
    expect(a.is_alive()).toBe(true);
    await a.join();
    await b.join();
    expect(a.is_alive()).toBe(false);
    expect(seen.sort()).toEqual([`a:${a.name}`, 'b:custom']);
    expect(current_thread().name).toBe('MainThread');
  });

  it('join(timeout) returns after the timeout while the thread still runs', async () => {
    const t = new Thread({ target: () => sleep(0.3) });
    t.start();
    await t.join(0.05);
    expect(t.is_alive()).toBe(true);
    await t.join();
    expect(t.is_alive()).toBe(false);
  });

  it('starting twice or joining before start raises, as in Python', async () => {
    const t = new Thread({ target: () => undefined });
    await expect(t.join()).rejects.toThrow('cannot join thread before it is started');
    t.start();
    expect(() => t.start()).toThrow('threads can only be started once');
    expect(() => (t.daemon = true)).toThrow('cannot set daemon status of active thread');
  });
});
