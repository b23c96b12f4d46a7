import type { TraceEvent } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { FakeTrace } from '../stream/fake-trace.js';
import { ManualScheduler } from '../stream/manual-scheduler.js';
import { gatedTracer } from './gated-tracer.js';
import { StepController } from './step-controller.js';

describe('STEP-10 the gated tracer delivers every event before gating it', () => {
  it('delivers a held event and a non-holdable one while paused', () => {
    const ctl = new StepController({ scheduler: new ManualScheduler() });
    const delivered: TraceEvent[] = [];
    const tracer = gatedTracer(ctl, (e) => delivered.push(e));
    const trace = new FakeTrace();
    ctl.pause();
    const held = trace.recv();
    const passing = trace.event({ kind: 'close', fd: 4, role: 'connection' });
    expect(tracer.emit(held, true)).toBeInstanceOf(Promise);
    expect(tracer.emit(passing, false)).toBeUndefined();
    expect(delivered).toEqual([held, passing]);
    ctl.dispose();
  });
});
