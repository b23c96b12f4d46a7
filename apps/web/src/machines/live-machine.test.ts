import type { LabSummary, Reply, Role, Snapshot, StepState, TraceEvent } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { exampleFile } from '../model/examples.fixture.js';
import { NO_BREAKPOINTS } from './breakpoints.js';
import { canControl, liveMachine, selectedStep, type ControlRequest } from './live-machine.js';

const header = exampleFile('ThreadingTCPServer').header;
const heldEvent = exampleFile('ThreadingTCPServer').events[40] as TraceEvent;

function lab(id: string, state: LabSummary['state'] = 'serving'): LabSummary {
  const { format: _f, version: _v, schema_version: _s, created_at: _c, scenario: _sc, ...description } = header;
  return {
    ...description,
    id,
    handler: 'slow_echo',
    address: ['127.0.0.1', 40000],
    mode: 'serve_forever',
    state,
    error: null,
    external_commands: [{ label: 'nc', command: 'nc 127.0.0.1 40000' }],
    recording: null,
  };
}

const RUNNING: StepState = { mode: 'running', held: null, waiting: 0, breakpoints: NO_BREAKPOINTS, run_to: null };
const PAUSED: StepState = { ...RUNNING, mode: 'paused', held: heldEvent };

function snapshot(role: Role, labs: LabSummary[] = [], step: Record<string, StepState> = {}): Snapshot {
  return { role, labs, recent: {}, threads: {}, open_spans: {}, step, recordings: [] };
}

/** A runtime stand-in: records requests and answers them when told to. */
function fakeRuntime() {
  const sent: ControlRequest[] = [];
  const pending: Array<(reply: Reply<StepState>) => void> = [];
  const send = (request: ControlRequest): Promise<Reply<StepState>> => {
    sent.push(request);
    return new Promise((resolve) => pending.push(resolve));
  };
  const answer = async (reply: Reply<StepState>): Promise<void> => {
    pending.shift()?.(reply);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { sent, send, answer };
}

function connected(role: Role, labs: LabSummary[] = [lab('lab-1')], step: Record<string, StepState> = { 'lab-1': RUNNING }) {
  const runtime = fakeRuntime();
  const actor = createActor(liveMachine, { input: { send: runtime.send } }).start();
  actor.send({ type: 'CONNECT' });
  actor.send({ type: 'CONNECTED' });
  actor.send({ type: 'SNAPSHOT', snapshot: snapshot(role, labs, step) });
  return { actor, runtime };
}

describe('WEB-LIVE-1 connection: disconnected → connecting → live', () => {
  it('follows the socket', () => {
    const runtime = fakeRuntime();
    const actor = createActor(liveMachine, { input: { send: runtime.send } }).start();
    expect(actor.getSnapshot().value).toBe('disconnected');
    actor.send({ type: 'CONNECT' });
    expect(actor.getSnapshot().value).toBe('connecting');
    actor.send({ type: 'CONNECT_ERROR', message: 'xhr poll error' });
    expect(actor.getSnapshot().context.connectError).toBe('xhr poll error');
    actor.send({ type: 'CONNECTED' });
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
    actor.send({ type: 'SNAPSHOT', snapshot: snapshot('viewer') });
    expect(actor.getSnapshot().context).toMatchObject({ role: 'viewer', lab: null, connectError: null });
    actor.send({ type: 'DISCONNECTED', willReconnect: true });
    expect(actor.getSnapshot().value).toBe('connecting');
    actor.send({ type: 'SNAPSHOT', snapshot: snapshot('viewer') });
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
    actor.send({ type: 'DISCONNECTED', willReconnect: false });
    expect(actor.getSnapshot().value).toBe('disconnected');
  });

  it('a snapshot that shows the lab paused lands in paused, holding its event', () => {
    const { actor } = connected('viewer', [lab('lab-1')], { 'lab-1': PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    expect(selectedStep(actor.getSnapshot().context)?.held?.seq).toBe(heldEvent.seq);
  });
});

describe('WEB-LIVE-2 labs: the newest is watched; a closed one goes away', () => {
  it('selects, switches and forgets labs', () => {
    const { actor } = connected('presenter', [lab('lab-1'), lab('lab-2')], { 'lab-1': PAUSED, 'lab-2': RUNNING });
    expect(actor.getSnapshot().context.lab).toBe('lab-2');
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
    actor.send({ type: 'SELECT_LAB', lab: 'lab-1' });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    actor.send({ type: 'LAB', summary: lab('lab-3', 'created') });
    expect(actor.getSnapshot().context.lab).toBe('lab-3');
    actor.send({ type: 'LAB', summary: lab('lab-3', 'closed') });
    expect(actor.getSnapshot().context.labs.map((l) => l.id)).toEqual(['lab-1', 'lab-2']);
    expect(actor.getSnapshot().context.lab).toBe('lab-2');
    actor.send({ type: 'SELECT_LAB', lab: 'no-such-lab' });
    expect(actor.getSnapshot().context.lab).toBe('lab-2');
  });
});

describe('WEB-LIVE-3 the presenter pauses, steps and continues through the runtime', () => {
  it('PAUSE asks the runtime; its step_state makes the bar PAUSED', async () => {
    const { actor, runtime } = connected('presenter');
    actor.send({ type: 'PAUSE' });
    expect(runtime.sent).toEqual([{ type: 'pause', lab: 'lab-1' }]);
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    await runtime.answer({ ok: true, value: PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
  });

  it('STEP is stepping until its reply, whatever the broadcasts say meanwhile', async () => {
    const { actor, runtime } = connected('presenter', [lab('lab-1')], { 'lab-1': PAUSED });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toEqual({ connected: 'stepping' });
    expect(runtime.sent).toEqual([{ type: 'step', lab: 'lab-1' }]);
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: { ...PAUSED, held: null } });
    expect(actor.getSnapshot().value).toEqual({ connected: 'stepping' });
    const next = { ...PAUSED, held: { ...heldEvent, seq: heldEvent.seq + 1 } };
    await runtime.answer({ ok: true, value: next });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    expect(selectedStep(actor.getSnapshot().context)?.held?.seq).toBe(heldEvent.seq + 1);
  });

  it('RUN_TO is stepping until the lab stops at the target', async () => {
    const { actor, runtime } = connected('presenter', [lab('lab-1')], { 'lab-1': PAUSED });
    actor.send({ type: 'RUN_TO', target: { method: 'finish_request' } });
    expect(runtime.sent.at(-1)).toEqual({ type: 'run_to', lab: 'lab-1', target: { method: 'finish_request' } });
    const running = { ...RUNNING, run_to: { method: 'finish_request' } };
    await runtime.answer({ ok: true, value: running });
    expect(actor.getSnapshot().value).toEqual({ connected: 'stepping' });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: running });
    expect(actor.getSnapshot().value).toEqual({ connected: 'stepping' });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
  });

  it('RESUME and SET_BREAKPOINTS are sent; the state follows the runtime', () => {
    const { actor, runtime } = connected('presenter', [lab('lab-1')], { 'lab-1': PAUSED });
    const breakpoints = { ...NO_BREAKPOINTS, methods: ['process_request'] };
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints });
    actor.send({ type: 'RESUME' });
    expect(runtime.sent).toEqual([
      { type: 'set_breakpoints', lab: 'lab-1', breakpoints },
      { type: 'resume', lab: 'lab-1' },
    ]);
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: { ...RUNNING, breakpoints } });
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
    expect(selectedStep(actor.getSnapshot().context)?.breakpoints.methods).toEqual(['process_request']);
  });

  it('a refused request is shown until dismissed and leaves stepping', async () => {
    const { actor, runtime } = connected('presenter', [lab('lab-1')], { 'lab-1': PAUSED });
    actor.send({ type: 'STEP' });
    await runtime.answer({ ok: false, error: 'step: no lab "lab-1"' });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    expect(actor.getSnapshot().context.error).toBe('step: no lab "lab-1"');
    actor.send({ type: 'DISMISS' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('another lab\'s step state does not move the bar', () => {
    const { actor } = connected('presenter', [lab('lab-1'), lab('lab-2')], { 'lab-1': RUNNING, 'lab-2': RUNNING });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
  });
});

describe('WEB-LIVE-ROLE-1 a viewer watches: controls send nothing', () => {
  it('PAUSE, STEP, RUN_TO, RESUME and SET_BREAKPOINTS are ignored for a viewer', () => {
    const { actor, runtime } = connected('viewer', [lab('lab-1')], { 'lab-1': PAUSED });
    expect(canControl(actor.getSnapshot().context)).toBe(false);
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'RUN_TO', target: { kind: 'accept' } });
    actor.send({ type: 'RESUME' });
    actor.send({ type: 'SET_BREAKPOINTS', breakpoints: NO_BREAKPOINTS });
    expect(runtime.sent).toEqual([]);
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
  });

  it('but a viewer sees the presenter\'s step-through as it happens', () => {
    const { actor } = connected('viewer');
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: PAUSED });
    expect(actor.getSnapshot().value).toEqual({ connected: 'paused' });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: { ...RUNNING, run_to: { kind: 'accept' } } });
    expect(actor.getSnapshot().value).toEqual({ connected: 'stepping' });
    actor.send({ type: 'STEP_STATE', lab: 'lab-1', state: RUNNING });
    expect(actor.getSnapshot().value).toEqual({ connected: 'live' });
  });
});
