import { describe, expect, it } from 'vitest';
import { FakeTrace } from '../stream/fake-trace.js';
import { hitsBreakpoint, matchesMethod, matchesTarget, NO_BREAKPOINTS } from '@sockscope/core/trace';

const trace = new FakeTrace();
const call = trace.call('process_request', 'ThreadingMixIn', { thread: 'MainThread' });
const recv = trace.recv({ thread: 'Thread-2 (process_request_thread)' });

describe('STEP-1 breakpoints and targets match by kind, method and thread', () => {
  it('matches a method by bare name or Class.method (the implementing class) on call/return/exception', () => {
    expect(matchesMethod('process_request', call)).toBe(true);
    expect(matchesMethod('ThreadingMixIn.process_request', call)).toBe(true);
    expect(matchesMethod('TCPServer.process_request', call)).toBe(false);
    expect(matchesMethod('process_request', trace.ret(call))).toBe(true);
    expect(matchesMethod('ThreadingMixIn.process_request', trace.raise(call))).toBe(true);
    expect(matchesMethod('recv', recv)).toBe(false);
  });

  it('ORs the breakpoint lists; empty lists match nothing', () => {
    expect(hitsBreakpoint(NO_BREAKPOINTS, call)).toBe(false);
    expect(hitsBreakpoint({ ...NO_BREAKPOINTS, kinds: ['recv'] }, recv)).toBe(true);
    expect(hitsBreakpoint({ ...NO_BREAKPOINTS, methods: ['process_request'] }, call)).toBe(true);
    expect(hitsBreakpoint({ ...NO_BREAKPOINTS, threads: [recv.thread] }, recv)).toBe(true);
    expect(hitsBreakpoint({ kinds: ['accept'], methods: ['handle'], threads: ['Nope'] }, call)).toBe(false);
  });

  it('ANDs the target fields; an empty target matches any event', () => {
    expect(matchesTarget({}, recv)).toBe(true);
    expect(matchesTarget({ kind: 'call', method: 'process_request' }, call)).toBe(true);
    expect(matchesTarget({ kind: 'return', method: 'process_request' }, call)).toBe(false);
    expect(matchesTarget({ kind: 'recv', thread: recv.thread }, recv)).toBe(true);
    expect(matchesTarget({ kind: 'recv', thread: 'MainThread' }, recv)).toBe(false);
    expect(matchesTarget({ method: 'process_request', thread: 'Thread-9' }, call)).toBe(false);
  });
});
