import type { StepState, TraceEvent } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { FakeTrace } from '../stream/fake-trace.js';
import { ManualScheduler } from '../stream/manual-scheduler.js';
import { NO_BREAKPOINTS } from '@sockscope/core/trace';
import { StepController } from './step-controller.js';

/** Lets every pending promise callback and released thread run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A controller on a manual clock, with a recorder of its state changes. */
function setup(stepTimeoutMs = 100) {
  const clock = new ManualScheduler();
  const ctl = new StepController({ scheduler: clock, stepTimeoutMs });
  const changes: StepState[] = [];
  ctl.onChange((s) => changes.push(s));
  return { clock, ctl, changes, trace: new FakeTrace() };
}

/** Gates an event and reports whether (and when) its thread was let go. */
function arrive(ctl: StepController, event: TraceEvent, holdable = true): { readonly held: boolean; released: () => boolean } {
  const gate = ctl.gate(event, holdable);
  let done = gate === undefined;
  void gate?.then(() => (done = true));
  return { held: gate !== undefined, released: () => done };
}

describe('STEP-2 running: events pass; a breakpoint pauses and holds at the matching event', () => {
  it('holds exactly the first event that hits a breakpoint', () => {
    const { ctl, trace, changes } = setup();
    ctl.setBreakpoints({ ...NO_BREAKPOINTS, methods: ['process_request'] });
    expect(ctl.gate(trace.call('serve_forever'), true)).toBeUndefined();
    const hit = trace.call('process_request', 'ThreadingMixIn');
    expect(ctl.gate(hit, true)).toBeInstanceOf(Promise);
    expect(ctl.state()).toMatchObject({ mode: 'paused', held: hit, waiting: 0 });
    expect(changes.at(-1)).toEqual(ctl.state());
  });

  it('pauses at a non-holdable hit without holding it; the next holdable event is held', () => {
    const { ctl, trace } = setup();
    ctl.setBreakpoints({ ...NO_BREAKPOINTS, kinds: ['close'] });
    expect(ctl.gate(trace.event({ kind: 'close', fd: 4, role: 'connection' }), false)).toBeUndefined();
    expect(ctl.state()).toMatchObject({ mode: 'paused', held: null });
    const next = trace.recv();
    expect(ctl.gate(next, true)).toBeInstanceOf(Promise);
    expect(ctl.state().held).toBe(next);
  });

  it('pauses on a thread-name breakpoint', () => {
    const { ctl, trace } = setup();
    ctl.setBreakpoints({ ...NO_BREAKPOINTS, threads: ['Thread-2'] });
    void ctl.gate(trace.recv(), true);
    const hit = trace.recv({ tid: 2, thread: 'Thread-2' });
    void ctl.gate(hit, true);
    expect(ctl.state().held).toBe(hit);
  });
});

describe('STEP-3 paused: holdable events are held FIFO, non-holdable ones pass', () => {
  it('holds the oldest, counts the rest as waiting, and never holds a non-holdable event', () => {
    const { ctl, trace } = setup();
    ctl.pause();
    expect(ctl.state()).toMatchObject({ mode: 'paused', held: null, waiting: 0 });
    const first = trace.recv({ tid: 1 });
    const a = arrive(ctl, first);
    const sync = arrive(ctl, trace.event({ kind: 'thread_spawn', child_tid: 3, child_name: 'T3', daemon: false }), false);
    const b = arrive(ctl, trace.recv({ tid: 2 }));
    expect([a.held, sync.held, b.held]).toEqual([true, false, true]);
    expect(ctl.state()).toMatchObject({ held: first, waiting: 1 });
  });

  it('pause while running holds the next holdable event', () => {
    const { ctl, trace } = setup();
    void ctl.gate(trace.recv(), true);
    ctl.pause();
    const next = trace.recv();
    expect(ctl.gate(next, true)).toBeInstanceOf(Promise);
    expect(ctl.state().held).toBe(next);
  });
});

describe('STEP-4 step releases exactly one held event and the next arriving one becomes held', () => {
  it('releases only the oldest; done at once when another thread already waits', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const a = arrive(ctl, trace.recv({ tid: 1 }));
    const bEvent = trace.recv({ tid: 2 });
    const b = arrive(ctl, bEvent);
    const state = await ctl.step();
    await settle();
    expect([a.released(), b.released()]).toEqual([true, false]);
    expect(state).toMatchObject({ mode: 'paused', held: bEvent, waiting: 0 });
  });

  it('waits for the released thread to arrive at its next holdable event', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const first = trace.recv();
    const a = arrive(ctl, first);
    const stepped = ctl.step();
    await settle();
    expect(a.released()).toBe(true);
    arrive(ctl, trace.event({ kind: 'close', fd: 4, role: 'connection' }), false); // passes, does not end the step
    const next = trace.recv();
    arrive(ctl, next);
    expect(await stepped).toMatchObject({ mode: 'paused', held: next, waiting: 0 });
  });

  it('times out when the thread now waits for I/O: paused, held null; what arrives later is held', async () => {
    const { ctl, trace, clock, changes } = setup(100);
    ctl.pause();
    arrive(ctl, trace.recv());
    const stepped = ctl.step(3);
    await settle();
    clock.advance(99);
    await settle();
    let done = false;
    void stepped.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    clock.advance(1);
    // The first step timed out; the other two are dropped, not waited for.
    expect(await stepped).toMatchObject({ mode: 'paused', held: null, waiting: 0 });
    expect(clock.pending).toBe(0);
    const late = trace.recv();
    arrive(ctl, late);
    expect(changes.at(-1)).toMatchObject({ mode: 'paused', held: late });
  });

  it('step(n) walks n held events in order across threads', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const events = [1, 2, 3, 4].map((tid) => trace.recv({ tid }));
    const gates = events.map((e) => arrive(ctl, e));
    expect(await ctl.step(3)).toMatchObject({ held: events[3], waiting: 0 });
    await settle();
    expect(gates.map((g) => g.released())).toEqual([true, true, true, false]);
  });

  it('step while running pauses and waits for the next holdable event', async () => {
    const { ctl, trace } = setup();
    const stepped = ctl.step();
    await settle();
    expect(ctl.state().mode).toBe('paused');
    const next = trace.recv();
    expect(arrive(ctl, next).held).toBe(true);
    expect(await stepped).toMatchObject({ held: next });
  });

  it('rejects a count that is not a positive integer', async () => {
    const { ctl } = setup();
    await expect(ctl.step(0)).rejects.toThrow(RangeError);
    await expect(ctl.step(1.5)).rejects.toThrow(RangeError);
  });
});

describe('STEP-5 runTo runs until the first event matching every field of the target', () => {
  it('stops at a kind', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const first = arrive(ctl, trace.recv());
    expect(ctl.runTo({ kind: 'send' })).toMatchObject({ mode: 'running', run_to: { kind: 'send' }, held: null });
    await settle();
    expect(first.released()).toBe(true);
    expect(ctl.gate(trace.recv(), true)).toBeUndefined();
    const send = trace.event({ kind: 'send', fd: 4, nbytes: 1, preview: "b'x'" });
    expect(ctl.gate(send, true)).toBeInstanceOf(Promise);
    expect(ctl.state()).toMatchObject({ mode: 'paused', held: send, run_to: null });
  });

  it('stops at a method in a given thread, not at the same method elsewhere', () => {
    const { ctl, trace } = setup();
    ctl.runTo({ method: 'handle', thread: 'Thread-2' });
    expect(ctl.gate(trace.call('handle', 'EchoHandler', { tid: 1, thread: 'Thread-1' }), true)).toBeUndefined();
    expect(ctl.gate(trace.call('setup', 'BaseRequestHandler', { tid: 2, thread: 'Thread-2' }), true)).toBeUndefined();
    const hit = trace.call('handle', 'EchoHandler', { tid: 2, thread: 'Thread-2' });
    expect(ctl.gate(hit, true)).toBeInstanceOf(Promise);
    expect(ctl.state().held).toBe(hit);
  });

  it('is forgotten when the lab pauses at a breakpoint on the way', () => {
    const { ctl, trace } = setup();
    ctl.setBreakpoints({ ...NO_BREAKPOINTS, kinds: ['accept'] });
    ctl.runTo({ kind: 'send' });
    void ctl.gate(trace.event({ kind: 'accept', fd: 3, conn_fd: 4, client_address: ['127.0.0.1', 5000] }), true);
    expect(ctl.state()).toMatchObject({ mode: 'paused', run_to: null });
  });
});

describe('STEP-6 resume releases everything held and runs', () => {
  it('releases all held threads, clears run_to and ends a pending step', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const gates = [1, 2, 3].map((tid) => arrive(ctl, trace.recv({ tid })));
    const stepped = ctl.step(5);
    await settle();
    expect(ctl.resume()).toMatchObject({ mode: 'running', held: null, waiting: 0, run_to: null });
    await settle();
    expect(gates.map((g) => g.released())).toEqual([true, true, true]);
    expect((await stepped).mode).toBe('running');
    expect(ctl.gate(trace.recv(), true)).toBeUndefined();
  });

  it('drops a step queued behind one in progress', async () => {
    const { ctl, trace } = setup();
    ctl.pause();
    const first = ctl.step();
    const second = ctl.step();
    ctl.resume();
    await Promise.all([first, second]);
    expect(ctl.state().mode).toBe('running');
    expect(ctl.gate(trace.recv(), true)).toBeUndefined();
  });

  it('does not report a change when nothing changed', () => {
    const { ctl, changes } = setup();
    ctl.resume();
    expect(changes).toEqual([]);
  });
});

describe('STEP-7 dispose never leaves a thread or a step pending', () => {
  it('releases held threads, resolves pending steps, and lets every later event pass', async () => {
    const { ctl, trace, clock, changes } = setup();
    ctl.setBreakpoints({ ...NO_BREAKPOINTS, kinds: ['recv'] });
    const gates = [1, 2].map((tid) => arrive(ctl, trace.recv({ tid })));
    const stepped = ctl.step(2);
    await settle();
    const before = changes.length;
    ctl.dispose();
    await stepped;
    await settle();
    expect(gates.map((g) => g.released())).toEqual([true, true]);
    expect(clock.pending).toBe(0);
    expect(ctl.gate(trace.recv(), true)).toBeUndefined();
    ctl.pause();
    expect(ctl.gate(trace.recv(), true)).toBeUndefined();
    expect(await ctl.step()).toMatchObject({ mode: 'running', held: null });
    expect(changes.length).toBe(before);
  });
});

describe('STEP-8 breakpoints are copied and reported', () => {
  it('reports set breakpoints and ignores later edits of the caller’s lists', () => {
    const { ctl, changes } = setup();
    const kinds: Array<'accept' | 'recv'> = ['accept'];
    ctl.setBreakpoints({ kinds, methods: [], threads: [] });
    kinds.push('recv');
    expect(ctl.state().breakpoints.kinds).toEqual(['accept']);
    expect(changes).toHaveLength(1);
  });
});
