import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@sockscope/core/trace';
import { cursorState } from '../../model/cursor-state.js';
import { exampleFile, exampleModel } from '../../model/examples.fixture.js';
import { qualified } from '../../model/spans.js';
import { TraceModel } from '../../model/trace-model.js';
import { countUpTo, currentStep, requestPath, serverVariant, stepOccurrences, visibleStacks, type StepId } from './callpath.js';

const header = (name: string) => exampleFile(name).header;

/** The step at the first event matching `pred`. */
function stepAt(name: string, pred: (e: TraceEvent, model: TraceModel) => boolean) {
  const model = exampleModel(name);
  const index = model.events.findIndex((e) => pred(e, model));
  expect(index).toBeGreaterThanOrEqual(0);
  const pos = currentStep(model, cursorState(model, index), header(name));
  return pos && { step: pos.step, role: model.lanes.get(pos.lane)?.role };
}

describe('PANE-CALLPATH-1 the variant comes from the resolution table', () => {
  it.each([
    ['ThreadingTCPServer', 'threading', 'stream'],
    ['TCPServer', 'sync', 'stream'],
    ['bad-base-order', 'sync', 'stream'],
    ['ForkingTCPServer', 'forking', 'stream'],
    ['UDPServer', 'sync', 'datagram'],
    ['crash-handler', 'threading', 'stream'],
  ])('%s is %s over %s', (name, concurrency, transport) => {
    expect(serverVariant(header(name))).toMatchObject({ concurrency, transport });
  });

  it('class Bad(TCPServer, ThreadingMixIn) takes the synchronous path: no new thread, all in the loop', () => {
    const path = requestPath(header('bad-base-order'));
    const notTaken = path.filter((s) => !s.taken).map((s) => s.id);
    expect(notTaken).toEqual(['spawn', 'process_request_thread']);
    expect(path.every((s) => s.where === 'loop')).toBe(true);
    expect(path.find((s) => s.id === 'process_request')?.cls).toBe('BaseServer');
  });

  it('ThreadingMixIn adds process_request_thread, in a new thread, and the handler runs there', () => {
    const path = requestPath(header('ThreadingTCPServer'));
    const by = (id: StepId) => path.find((s) => s.id === id);
    expect(by('process_request')).toMatchObject({ cls: 'ThreadingMixIn', where: 'loop', taken: true });
    expect(by('spawn')).toMatchObject({ where: 'loop', taken: true });
    expect(by('process_request_thread')).toMatchObject({ cls: 'ThreadingMixIn', where: 'worker', taken: true });
    expect(by('handle')).toMatchObject({ cls: 'SlowEchoHandler', side: 'handler', where: 'worker' });
    expect(by('close_request')).toMatchObject({ cls: 'TCPServer', where: 'worker' });
  });

  it('ForkingMixIn: the request finishes in the child; UDPServer: its own get_request and close_request', () => {
    const forking = requestPath(header('ForkingTCPServer'));
    expect(forking.find((s) => s.id === 'finish_request')?.where).toBe('child');
    expect(forking.find((s) => s.id === 'process_request_thread')?.taken).toBe(false);
    const udp = requestPath(header('UDPServer'));
    expect(udp.find((s) => s.id === 'get_request')?.cls).toBe('UDPServer');
    expect(udp.find((s) => s.id === 'setup')?.cls).toBe('DatagramRequestHandler');
  });
});

describe('PANE-CALLPATH-2 the step at the cursor, in the lane it runs in', () => {
  it('ThreadingTCPServer: loop steps in the loop, the handler in the request thread', () => {
    const n = 'ThreadingTCPServer';
    expect(stepAt(n, (e) => e.kind === 'select_wait')).toEqual({ step: 'select', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'accept')).toEqual({ step: 'get_request', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === 'process_request')).toEqual({ step: 'process_request', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === 'append')).toEqual({ step: 'process_request', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request_thread'))).toEqual({ step: 'spawn', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === 'process_request_thread')).toEqual({ step: 'process_request_thread', role: 'worker' });
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === '__init__' && e.cls === 'BaseRequestHandler')).toEqual({ step: 'finish_request', role: 'worker' });
    expect(stepAt(n, (e) => e.kind === 'recv' && e.thread.includes('process_request_thread'))).toEqual({ step: 'handle', role: 'worker' });
    expect(stepAt(n, (e) => e.kind === 'close' && e.role === 'connection')).toEqual({ step: 'close_request', role: 'worker' });
  });

  it('outside the request path: the constructor, a client, shutdown', () => {
    const n = 'ThreadingTCPServer';
    expect(stepAt(n, (e) => e.kind === 'bind')).toBeNull();
    expect(stepAt(n, (e) => e.kind === 'connect')).toBeNull();
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === 'shutdown')).toBeNull();
  });

  it('bad-base-order: the handler runs in the loop\'s own thread', () => {
    expect(stepAt('bad-base-order', (e) => e.kind === 'recv' && !e.thread.startsWith('client'))).toEqual({ step: 'handle', role: 'loop' });
  });

  it('ForkingTCPServer: the child handles; the parent\'s close_request belongs to process_request', () => {
    const n = 'ForkingTCPServer';
    expect(stepAt(n, (e) => e.kind === 'fork')).toEqual({ step: 'spawn', role: 'loop' });
    expect(stepAt(n, (e) => e.kind === 'child_start')).toEqual({ step: 'spawn', role: 'child' });
    expect(stepAt(n, (e, m) => e.kind === 'recv' && m.lanes.get(`${e.pid}:${e.tid}`)?.role === 'child')).toEqual({ step: 'handle', role: 'child' });
    expect(stepAt(n, (e) => e.kind === 'call' && e.method === 'close_request' && e.thread.includes('serve_forever') && e.pid === 3879)).toEqual({
      step: 'process_request', role: 'loop',
    });
    expect(stepAt(n, (e) => e.kind === 'socket_shutdown')).toEqual({ step: 'shutdown_request', role: 'child' });
  });

  it('UDPServer: recvfrom is get_request', () => {
    expect(stepAt('UDPServer', (e) => e.kind === 'recv' && e.thread.includes('serve_forever'))).toEqual({ step: 'get_request', role: 'loop' });
  });
});

describe('PANE-CALLPATH-3 how often each step ran, up to the cursor', () => {
  it('three requests through every taken step; none through the steps not taken', () => {
    for (const [name, untaken] of [['ThreadingTCPServer', []], ['bad-base-order', ['spawn', 'process_request_thread']], ['ForkingTCPServer', ['process_request_thread']]] as const) {
      const model = exampleModel(name);
      const occ = stepOccurrences(model, header(name));
      for (const step of requestPath(header(name))) {
        if (step.id === 'serve_forever') expect(occ.get(step.id)).toHaveLength(1);
        else if (step.id === 'select') expect(occ.get(step.id)?.length).toBeGreaterThan(3);
        else if ((untaken as readonly string[]).includes(step.id)) expect(occ.get(step.id), `${name} ${step.id}`).toHaveLength(0);
        else expect(occ.get(step.id), `${name} ${step.id}`).toHaveLength(3);
      }
    }
  });

  it('a model counted as it grows gives the same lists as one counted whole', () => {
    for (const name of ['ThreadingTCPServer', 'ForkingTCPServer', 'UDPServer']) {
      const whole = exampleModel(name);
      const grown = new TraceModel();
      for (let i = 0; i < whole.length; i += 11) {
        grown.append(whole.events.slice(i, i + 11));
        stepOccurrences(grown, header(name));
      }
      expect([...stepOccurrences(grown, header(name))], name).toEqual([...stepOccurrences(whole, header(name))]);
    }
  });

  it('counting up to the cursor', () => {
    expect(countUpTo([3, 5, 9], 2)).toBe(0);
    expect(countUpTo([3, 5, 9], 5)).toBe(2);
    expect(countUpTo([3, 5, 9], 100)).toBe(3);
  });
});

describe('PANE-CALLPATH-4 each live lane\'s stack at the cursor', () => {
  it('at the second process_request: the loop is inside it, a request thread is in handle', () => {
    const model = exampleModel('ThreadingTCPServer');
    const index = model.events.findIndex((e, i) => i > 40 && e.kind === 'call' && e.method === 'process_request');
    const { busy, idle } = visibleStacks(cursorState(model, index));
    expect(busy.find((s) => s.lane.role === 'loop')?.frames.map(qualified).at(-1)).toBe('ThreadingMixIn.process_request');
    const worker = busy.find((s) => s.lane.role === 'worker');
    expect(worker?.frames.map(qualified)).toEqual([
      'ThreadingMixIn.process_request_thread',
      'BaseServer.finish_request',
      'BaseRequestHandler.__init__',
      'SlowEchoHandler.handle',
    ]);
    expect(idle.map((l) => l.role)).toContain('client');
  });
});

describe('PANE-CALLPATH-5 a flood of threads shows a bounded number of stacks and names', () => {
  it('at most maxBusy stacks: the cursor\'s lane and the server\'s first, then the most recent; the rest counted', () => {
    const model = exampleModel('ThreadingTCPServer');
    const index = model.events.findIndex((e, i) => i > 40 && e.kind === 'call' && e.method === 'process_request');
    const state = cursorState(model, index);
    const all = visibleStacks(state);
    expect(all.hiddenBusy).toBe(0);
    expect(all.busy.map((s) => s.lane.role).sort()).toEqual(['loop', 'worker']);
    const worker = all.busy.find((s) => s.lane.role === 'worker');
    const atWorker = visibleStacks(state, worker?.lane.key ?? null, 1, 1);
    expect(atWorker.busy.map((s) => s.lane.key)).toEqual([worker?.lane.key]);
    expect(atWorker.hiddenBusy).toBe(1);
    expect(visibleStacks(state, null, 1, 1).busy.map((s) => s.lane.role)).toEqual(['loop']);
    expect(all.idle.length).toBeGreaterThan(1);
    expect(atWorker.idle).toEqual(all.idle.slice(0, 1));
    expect(atWorker.hiddenIdle).toBe(all.idle.length - 1);
  });
});
