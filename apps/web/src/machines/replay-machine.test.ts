import type { TraceEvent } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { cursorState } from '../model/cursor-state.js';
import { exampleFile, exampleModel } from '../model/examples.fixture.js';
import { NO_BREAKPOINTS } from './breakpoints.js';
import { clampSpeed, playedNs, replayMachine, runSpeedFor } from './replay-machine.js';

const file = exampleFile('ThreadingTCPServer');
const events = file.events;

function started(at?: number) {
  const actor = createActor(replayMachine).start();
  actor.send(at === undefined ? { type: 'LOAD', events } : { type: 'LOAD', events, at });
  return actor;
}

/** Events with times 0, 1 ms, 2 ms, ... (simple arithmetic for TICK tests). */
function evenly(n: number, gapNs = 1e6): TraceEvent[] {
  return events.slice(0, n).map((e, i) => ({ ...e, t_ns: i * gapNs }));
}

describe('WEB-REPLAY-1 idle until a trace is loaded, then paused at the start', () => {
  it('starts idle with no cursor and ignores PLAY', () => {
    const actor = createActor(replayMachine).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.cursor).toBe(-1);
  });

  it('LOAD pauses at index 0 (or at the index asked for, clamped)', () => {
    const actor = started();
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context).toMatchObject({ cursor: 0, length: events.length });
    actor.send({ type: 'LOAD', events, at: 99_999 });
    expect(actor.getSnapshot().context.cursor).toBe(events.length - 1);
  });

  it('an empty trace loads with no cursor and does not play', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: [] });
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.cursor).toBe(-1);
  });
});

describe('WEB-REPLAY-2 stepping back gives exactly the state stepping forward showed', () => {
  it('the machine only moves the index, and every index shows the same state both ways', () => {
    const model = exampleModel('ThreadingTCPServer');
    const actor = started();
    const forward: string[] = [];
    for (let i = 0; i < events.length; i++) {
      const { cursor } = actor.getSnapshot().context;
      expect(cursor).toBe(i);
      forward.push(JSON.stringify(cursorState(model, cursor)));
      actor.send({ type: 'STEP_FORWARD' });
    }
    expect(actor.getSnapshot().context.cursor).toBe(events.length - 1);
    for (let i = events.length - 1; i >= 0; i--) {
      const { cursor } = actor.getSnapshot().context;
      expect(cursor).toBe(i);
      expect(JSON.stringify(cursorState(model, cursor))).toBe(forward[i]);
      actor.send({ type: 'STEP_BACK' });
    }
    expect(actor.getSnapshot().context.cursor).toBe(0);
  });
});

describe('WEB-REPLAY-3 JUMP, SEEK and END move the cursor', () => {
  it('JUMP clamps and pauses; SEEK keeps playing; END goes to the last event', () => {
    const actor = started();
    actor.send({ type: 'JUMP', index: 40 });
    expect(actor.getSnapshot().context.cursor).toBe(40);
    actor.send({ type: 'JUMP', index: -5 });
    expect(actor.getSnapshot().context.cursor).toBe(0);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SEEK', index: 100 });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(actor.getSnapshot().context.cursor).toBe(100);
    expect(actor.getSnapshot().context.clockNs).toBe(events[100]?.t_ns);
    actor.send({ type: 'JUMP', index: 10 });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'END' });
    expect(actor.getSnapshot().context.cursor).toBe(events.length - 1);
  });
});

describe('WEB-REPLAY-4 playing advances by elapsed time × speed in trace time', () => {
  const ten = evenly(10);

  it('1 ms of wall time at 1× passes the events 1 ms of trace time apart one by one', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 1 });
    expect(actor.getSnapshot().context.cursor).toBe(1);
    actor.send({ type: 'TICK', elapsedMs: 0.5 });
    expect(actor.getSnapshot().context.cursor).toBe(1);
    actor.send({ type: 'TICK', elapsedMs: 0.5 });
    expect(actor.getSnapshot().context.cursor).toBe(2);
  });

  it('at 4× one ms passes four events; at 0.25× it takes four ms to pass one', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten });
    actor.send({ type: 'SET_SPEED', speed: 4 });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 1 });
    expect(actor.getSnapshot().context.cursor).toBe(4);
    actor.send({ type: 'SET_SPEED', speed: 0.25 });
    actor.send({ type: 'TICK', elapsedMs: 3 });
    expect(actor.getSnapshot().context.cursor).toBe(4);
    actor.send({ type: 'TICK', elapsedMs: 1 });
    expect(actor.getSnapshot().context.cursor).toBe(5);
  });

  it('speed is kept within 0.25×–16×', () => {
    expect(clampSpeed(100)).toBe(16);
    expect(clampSpeed(0.01)).toBe(0.25);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });

  it('reaching the last event pauses; PLAY at the end starts again from the first', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 1000 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context).toMatchObject({ cursor: 9, stopped: 'end' });
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(actor.getSnapshot().context.cursor).toBe(0);
  });

  it('a long idle stretch plays as at most one second of trace time', () => {
    const gappy = evenly(3).map((e, i) => (i === 2 ? { ...e, t_ns: 60e9 } : e));
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: gappy, at: 1 });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 999 });
    expect(actor.getSnapshot().context.cursor).toBe(1);
    actor.send({ type: 'TICK', elapsedMs: 2 });
    expect(actor.getSnapshot().context.cursor).toBe(2);
  });

  it('a step while playing pauses there', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP_FORWARD' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.cursor).toBe(1);
  });
});

describe('WEB-REPLAY-5 playing stops at a breakpoint', () => {
  it('stops on the first process_request call, then goes on past it', () => {
    const actor = started();
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints: { ...NO_BREAKPOINTS, methods: ['ThreadingMixIn.process_request'] } });
    actor.send({ type: 'SET_SPEED', speed: 16 });
    actor.send({ type: 'PLAY' });
    for (let i = 0; i < 1000 && actor.getSnapshot().value === 'playing'; i++) actor.send({ type: 'TICK', elapsedMs: 16 });
    const first = events.findIndex((e) => e.kind === 'call' && e.method === 'process_request');
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context).toMatchObject({ cursor: first, stopped: 'breakpoint' });
    actor.send({ type: 'PLAY' });
    for (let i = 0; i < 1000 && actor.getSnapshot().value === 'playing'; i++) actor.send({ type: 'TICK', elapsedMs: 16 });
    const second = events.findIndex((e, i) => i > first && hitsProcessRequest(e));
    expect(actor.getSnapshot().context.cursor).toBe(second);
  });

  it('a kind breakpoint and a thread breakpoint stop too', () => {
    const actor = started();
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints: { ...NO_BREAKPOINTS, kinds: ['accept'] } });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 60_000 });
    expect(events[actor.getSnapshot().context.cursor]?.kind).toBe('accept');
    const worker = events.find((e) => e.thread.endsWith('(process_request_thread)'))?.thread ?? '';
    actor.send({ type: 'JUMP', index: 0 });
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints: { ...NO_BREAKPOINTS, threads: [worker] } });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 60_000 });
    expect(events[actor.getSnapshot().context.cursor]?.thread).toBe(worker);
  });
});

describe('WEB-REPLAY-6 RUN_TO plays forward to one event in about the time asked for', () => {
  const ten = evenly(10);

  it('plays to the target and stops there, whatever the speed setting', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten, at: 2 });
    actor.send({ type: 'SET_SPEED', speed: 0.25 });
    actor.send({ type: 'RUN_TO', index: 6, withinMs: 400 });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(actor.getSnapshot().context).toMatchObject({ stopAt: 6, runSpeed: 4e6 / 400e6 });
    actor.send({ type: 'TICK', elapsedMs: 200 });
    expect(actor.getSnapshot().context.cursor).toBe(4);
    actor.send({ type: 'TICK', elapsedMs: 250 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context).toMatchObject({ cursor: 6, stopped: 'target', stopAt: null, clockNs: ten[6]?.t_ns });
    // Playing afterwards goes on at the reader's speed.
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 4 });
    expect(actor.getSnapshot().context.cursor).toBe(7);
  });

  it('a target at or before the cursor is a jump; RUN_TO while playing retargets', () => {
    const actor = createActor(replayMachine).start();
    actor.send({ type: 'LOAD', events: ten, at: 5 });
    actor.send({ type: 'RUN_TO', index: 3 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.cursor).toBe(3);
    actor.send({ type: 'RUN_TO', index: 9 });
    actor.send({ type: 'RUN_TO', index: 4 });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'TICK', elapsedMs: 10_000 });
    expect(actor.getSnapshot().context).toMatchObject({ cursor: 4, stopped: 'target' });
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'RUN_TO', index: 1 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.cursor).toBe(1);
  });

  it('passes breakpoints by; a step or a pause on the way stops the run', () => {
    const actor = started();
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints: { ...NO_BREAKPOINTS, kinds: ['accept'] } });
    const target = events.length - 5;
    actor.send({ type: 'RUN_TO', index: target });
    for (let i = 0; i < 200 && actor.getSnapshot().value === 'playing'; i++) actor.send({ type: 'TICK', elapsedMs: 16 });
    expect(actor.getSnapshot().context).toMatchObject({ cursor: target, stopped: 'target' });
    actor.send({ type: 'JUMP', index: 0 });
    actor.send({ type: 'RUN_TO', index: target });
    actor.send({ type: 'TICK', elapsedMs: 16 });
    actor.send({ type: 'PAUSE' });
    const at = actor.getSnapshot().context.cursor;
    expect(at).toBeLessThan(target);
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'TICK', elapsedMs: 60_000 });
    expect(events[actor.getSnapshot().context.cursor]?.kind).toBe('accept');
  });

  it('the time played cuts long idle stretches as playing does', () => {
    const gappy = evenly(4).map((e, i) => (i === 3 ? { ...e, t_ns: 60e9 } : e));
    expect(playedNs(gappy, 0, 3, 1e9)).toBe(2e6 + 1e9);
    expect(runSpeedFor(gappy, 0, 2, 1e9, 1)).toBe(2);
    expect(runSpeedFor(gappy, 1, 1, 1e9, 800)).toBe(1);
  });
});

function hitsProcessRequest(e: TraceEvent): boolean {
  return (e.kind === 'call' || e.kind === 'return' || e.kind === 'exception') && e.cls === 'ThreadingMixIn' && e.method === 'process_request';
}
