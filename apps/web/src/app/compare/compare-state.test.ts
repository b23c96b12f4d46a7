import type { BackendComparison } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../../model/examples.fixture.js';
import { compareReducer, defaultScenario, INITIAL_COMPARE, type CompareAction, type CompareState } from './compare-state.js';

const run = (...actions: CompareAction[]): CompareState => actions.reduce(compareReducer, INITIAL_COMPARE);
const list = [
  { name: 'TCPServer', description: 'one at a time', description_zh: '一次一个' },
  { name: 'ThreadingTCPServer', description: 'a thread per request', description_zh: '每个请求一个线程' },
];
const comparison: BackendComparison = { scenario: 'ThreadingTCPServer', core: exampleFile('ThreadingTCPServer'), cpython: exampleFile('TCPServer') };

describe('WEB-COMPARE-2 the comparison state', () => {
  it('starts on ThreadingTCPServer, keeps a pick the new list still has', () => {
    expect(defaultScenario(list)).toBe('ThreadingTCPServer');
    expect(defaultScenario([])).toBeNull();
    expect(run({ type: 'SCENARIOS', list }).scenario).toBe('ThreadingTCPServer');
    expect(run({ type: 'SCENARIOS', list }, { type: 'PICK', scenario: 'TCPServer' }, { type: 'SCENARIOS', list }).scenario).toBe('TCPServer');
  });

  it('one run at a time: the pick is frozen while it runs; its traces fill both sides', () => {
    const running = run({ type: 'SCENARIOS', list }, { type: 'RUN', at: 5 });
    expect(running.run).toEqual({ status: 'running', scenario: 'ThreadingTCPServer', startedAt: 5 });
    expect(compareReducer(running, { type: 'RUN', at: 9 })).toBe(running);
    expect(compareReducer(running, { type: 'PICK', scenario: 'TCPServer' })).toBe(running);
    const done = compareReducer(running, { type: 'RAN', comparison });
    expect(done.run).toEqual({ status: 'idle' });
    expect(done.sides.map((s) => [s?.name, s?.origin, s?.file.header.server_class])).toEqual([
      ['ThreadingTCPServer', 'scenario', 'ThreadingTCPServer'],
      ['ThreadingTCPServer', 'scenario', 'TCPServer'],
    ]);
  });

  it('a failed run says why until dismissed; a late answer after it is ignored', () => {
    const failed = run({ type: 'SCENARIOS', list }, { type: 'RUN', at: 0 }, { type: 'RUN_FAILED', error: 'no python3' });
    expect(failed.run).toEqual({ status: 'failed', scenario: 'ThreadingTCPServer', error: 'no python3' });
    expect(compareReducer(failed, { type: 'RAN', comparison }).sides).toEqual([null, null]);
    expect(compareReducer(failed, { type: 'DISMISS', side: 'run' }).run).toEqual({ status: 'idle' });
    expect(run({ type: 'RUN', at: 0 }).run).toEqual({ status: 'idle' });
  });

  it('each side opens a file on its own; a bad file leaves the side as it was, with the error', () => {
    const file = exampleFile('TCPServer');
    const one = run({ type: 'FILE_LOADING', side: 1, name: 'a.jsonl' }, { type: 'FILE', side: 1, name: 'a.jsonl', file });
    expect(one.sides[0]).toBeNull();
    expect(one.sides[1]).toMatchObject({ name: 'a.jsonl', origin: 'file' });
    expect(one.loading).toEqual([null, null]);
    const bad = compareReducer(one, { type: 'FILE_FAILED', side: 1, name: 'b.jsonl', error: 'line 2: not JSON' });
    expect(bad.sides[1]?.name).toBe('a.jsonl');
    expect(bad.errors).toEqual([null, { name: 'b.jsonl', error: 'line 2: not JSON' }]);
    expect(compareReducer(bad, { type: 'DISMISS', side: 1 }).errors).toEqual([null, null]);
  });
});
