import { describe, expect, it } from 'vitest';
import { cursorState } from './cursor-state.js';
import { exampleModel } from './examples.fixture.js';
import { isOpenAt } from './cursor-state.js';
import { qualified } from './spans.js';
import { TraceModel } from './trace-model.js';

describe('WEB-MODEL-1 lanes, spans and flows from a real ThreadingTCPServer trace', () => {
  const model = exampleModel('ThreadingTCPServer');

  it('one lane per thread, with socketserver roles, in drawing order', () => {
    const lanes = model.orderedLanes();
    expect(lanes.map((l) => l.role)).toEqual(['main', 'loop', 'worker', 'worker', 'worker', 'client', 'client', 'client']);
    expect(lanes.filter((l) => l.role === 'worker').every((l) => l.name.endsWith('(process_request_thread)'))).toBe(true);
  });

  it('every call is a span that ends, nested by depth within its lane', () => {
    expect(model.spans.length).toBeGreaterThan(40);
    expect(model.spans.every((s) => s.endIndex !== null)).toBe(true);
    const serve = model.spans.find((s) => qualified(s) === 'BaseServer.serve_forever');
    const noblock = model.spans.find((s) => s.method === '_handle_request_noblock');
    expect(serve?.depth).toBe(0);
    expect(noblock?.depth).toBe(1);
    expect(noblock?.parent).toBe(serve?.id);
  });

  it('a flow arrow from each thread_spawn to the new lane', () => {
    const workers = model.flows.filter((f) => model.lanes.get(f.toLane)?.role === 'worker');
    expect(workers).toHaveLength(3);
    expect(workers.every((f) => model.lanes.get(f.fromLane)?.role === 'loop')).toBe(true);
  });
});

describe('WEB-MODEL-2 forked children are lanes of their own process', () => {
  it('three child lanes, each reached by a fork flow, continuing inside process_request', () => {
    const model = exampleModel('ForkingTCPServer');
    const children = model.orderedLanes().filter((l) => l.role === 'child');
    expect(children).toHaveLength(3);
    expect(model.flows.filter((f) => f.kind === 'fork')).toHaveLength(3);
    const childCall = model.spans.find((s) => model.lanes.get(s.lane)?.role === 'child');
    expect(model.span(childCall?.parent ?? null)?.method).toBe('process_request');
  });
});

describe('WEB-MODEL-3 the state at the cursor', () => {
  const model = exampleModel('ThreadingTCPServer');

  it('at ThreadingMixIn.process_request the active method is the mixin\'s', () => {
    const index = model.events.findIndex((e) => e.kind === 'call' && e.method === 'process_request');
    const state = cursorState(model, index);
    expect(state.active).toMatchObject({ cls: 'ThreadingMixIn', method: 'process_request', selfCls: 'ThreadingTCPServer' });
    const loop = state.stacks.find((s) => s.lane.role === 'loop');
    expect(loop?.frames.map(qualified)).toEqual([
      'BaseServer.serve_forever',
      'BaseServer._handle_request_noblock',
      'ThreadingMixIn.process_request',
    ]);
  });

  it('stepping back gives exactly the state stepping forward showed', () => {
    const forward = Array.from({ length: model.length }, (_, i) => JSON.stringify(cursorState(model, i)));
    for (let i = model.length - 1; i >= 0; i--) expect(JSON.stringify(cursorState(model, i))).toBe(forward[i]);
  });
});

describe('WEB-MODEL-4 a growing model keeps what is asked at its newest event', () => {
  it('at every length, the open spans and the method names equal a search of the whole model', () => {
    for (const name of ['ThreadingTCPServer', 'ForkingTCPServer', 'crash-handler']) {
      const events = exampleModel(name).events;
      const model = new TraceModel();
      for (let i = 0; i < events.length; i += 7) {
        model.append(events.slice(i, i + 7));
        const last = model.length - 1;
        expect(model.openSpans(), `${name} at ${last}`).toEqual(model.spans.filter((s) => isOpenAt(s, last)));
        expect(model.methodNames().sort()).toEqual([...new Set(model.spans.map(qualified))].sort());
      }
    }
  });
});
