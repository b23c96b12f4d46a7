import type { TraceEvent } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { FakeTrace } from '../stream/fake-trace.js';
import { ManualScheduler } from '../stream/manual-scheduler.js';
import { StepController } from './step-controller.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Two logical threads, each an async loop that awaits the gate before every step of its work. */
function twoThreads(ctl: StepController, rounds: number) {
  const trace = new FakeTrace();
  const log: string[] = [];
  const run = async (name: string, tid: number): Promise<void> => {
    for (let i = 0; i < rounds; i++) {
      const event: TraceEvent = trace.recv({ tid, thread: name });
      await ctl.gate(event, true);
      log.push(`${name}${i}`);
    }
  };
  const done = Promise.all([run('A', 1), run('B', 2)]);
  return { log, done };
}

describe('STEP-9 two threads interleave as the controller decides', () => {
  it('nothing runs while paused; each step lets exactly one thread do one piece of work, FIFO', async () => {
    const clock = new ManualScheduler();
    const ctl = new StepController({ scheduler: clock, stepTimeoutMs: 100 });
    ctl.pause();
    const { log, done } = twoThreads(ctl, 3);
    await settle();
    await settle();
    expect(log).toEqual([]);
    expect(ctl.state()).toMatchObject({ held: { thread: 'A' }, waiting: 1 });

    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await ctl.step();
      await settle();
      seen.push(log.join(','));
    }
    expect(seen).toEqual(['A0', 'A0,B0', 'A0,B0,A1', 'A0,B0,A1,B1', 'A0,B0,A1,B1,A2']);
    // The last step frees B2; both threads are then done, so nothing arrives: the step times out.
    const last = ctl.step();
    await settle();
    clock.advance(100);
    expect(await last).toMatchObject({ mode: 'paused', held: null, waiting: 0 });
    await done;
    expect(log).toEqual(['A0', 'B0', 'A1', 'B1', 'A2', 'B2']);
  });

  it('runTo a thread lets the other run freely and stops that one; resume finishes both', async () => {
    const ctl = new StepController({ scheduler: new ManualScheduler() });
    ctl.pause();
    const { log, done } = twoThreads(ctl, 3);
    await ctl.step(2); // A0, B0 done; A1 and B1 held
    await settle();
    ctl.runTo({ thread: 'B' });
    await settle();
    expect(log).toEqual(['A0', 'B0', 'A1', 'B1', 'A2']);
    expect(ctl.state()).toMatchObject({ mode: 'paused', held: { thread: 'B', tid: 2 }, waiting: 0 });
    ctl.resume();
    await done;
    expect(log).toEqual(['A0', 'B0', 'A1', 'B1', 'A2', 'B2']);
  });

  it('dispose frees both threads mid-run', async () => {
    const ctl = new StepController({ scheduler: new ManualScheduler() });
    ctl.pause();
    const { log, done } = twoThreads(ctl, 100);
    await ctl.step();
    ctl.dispose();
    await done;
    expect(log).toHaveLength(200);
  });
});
