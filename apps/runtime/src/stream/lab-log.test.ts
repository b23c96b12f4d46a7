import { describe, expect, it } from 'vitest';
import { FakeTrace } from './fake-trace.js';
import { LabLog } from './lab-log.js';

const worker = { tid: 2, thread: 'Thread-1 (process_request_thread)' };

describe('STREAM-2 lab log keeps a bounded window and counts every event', () => {
  it('keeps only the newest `capacity` events, oldest first', () => {
    const trace = new FakeTrace();
    const log = new LabLog({ capacity: 3 });
    const events = Array.from({ length: 5 }, () => trace.recv());
    for (const e of events) log.append(e);
    expect(log.total).toBe(5);
    expect(log.recent().map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('defaults to a window of 50 000', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    for (let i = 0; i < 50_010; i++) log.append(trace.recv());
    expect(log.recent()).toHaveLength(50_000);
    expect(log.recent()[0]?.seq).toBe(11);
  });
});

describe('STREAM-3 thread table lists every (pid, tid) with its alive flag', () => {
  it('marks a thread dead at its thread_exit', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    log.append(trace.event({ kind: 'thread_spawn', child_tid: 2, child_name: worker.thread, daemon: false }));
    log.append(trace.event({ kind: 'thread_start', daemon: false }, worker));
    expect(log.threads()).toEqual([
      { pid: 1000, tid: 1, name: 'MainThread', alive: true },
      { pid: 1000, tid: 2, name: worker.thread, alive: true },
    ]);
    log.append(trace.event({ kind: 'thread_exit' }, worker));
    expect(log.threads().map((t) => t.alive)).toEqual([true, false]);
  });

  it("marks a forked child's lanes dead at its child_exit, or at the parent's reap", () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    log.append(trace.event({ kind: 'fork', child_pid: 2000 }));
    log.append(trace.event({ kind: 'child_start', parent_pid: 1000 }, { pid: 2000 }));
    log.append(trace.event({ kind: 'child_start', parent_pid: 1000 }, { pid: 3000 }));
    log.append(trace.event({ kind: 'child_exit', status: 0 }, { pid: 2000 }));
    expect(log.threads().map((t) => [t.pid, t.alive])).toEqual([[1000, true], [2000, false], [3000, true]]);
    log.append(trace.event({ kind: 'reap', child_pid: 3000, status: 1 }));
    expect(log.threads().map((t) => [t.pid, t.alive])).toEqual([[1000, true], [2000, false], [3000, false]]);
  });

  it('revives a lane at child_start when the OS reuses a pid', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    log.append(trace.event({ kind: 'child_exit', status: 0 }, { pid: 2000 }));
    log.append(trace.event({ kind: 'child_start', parent_pid: 1000 }, { pid: 2000 }));
    expect(log.threads()).toEqual([{ pid: 2000, tid: 1, name: 'MainThread', alive: true }]);
  });
});

describe('STREAM-4 open spans are the calls without their return or exception, by seq', () => {
  it('closes a span at its return or exception', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    const serve = trace.call('serve_forever');
    const handle = trace.call('_handle_request_noblock', 'BaseServer', { parent_span: serve.span });
    const verify = trace.call('verify_request', 'BaseServer', { parent_span: handle.span });
    for (const e of [serve, handle, verify]) log.append(e);
    expect(log.openSpans()).toEqual([serve, handle, verify]);
    log.append(trace.ret(verify));
    log.append(trace.raise(handle));
    expect(log.openSpans()).toEqual([serve]);
  });

  it('orders by seq whatever the arrival order and span ids', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    const late = trace.call('handle', 'EchoHandler', { seq: 9, span: 1 });
    const early = trace.call('serve_forever', 'BaseServer', { seq: 3, span: 50 });
    log.append(late);
    log.append(early);
    expect(log.openSpans().map((e) => e.seq)).toEqual([3, 9]);
  });

  it("drops the calls of a thread or process that ended without returning", () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    const main = trace.call('serve_forever');
    const inThread = trace.call('handle', 'EchoHandler', worker);
    const inChild = trace.call('handle', 'EchoHandler', { pid: 2000 });
    const inOtherChild = trace.call('handle', 'EchoHandler', { pid: 3000 });
    for (const e of [main, inThread, inChild, inOtherChild]) log.append(e);
    log.append(trace.event({ kind: 'thread_exit' }, worker));
    log.append(trace.event({ kind: 'child_exit', status: 0 }, { pid: 2000 }));
    log.append(trace.event({ kind: 'reap', child_pid: 3000, status: 0 }));
    expect(log.openSpans()).toEqual([main]);
  });
});

describe('STREAM-5 snapshotPart bundles the window, threads and open spans', () => {
  it('has the Snapshot field names', () => {
    const trace = new FakeTrace();
    const log = new LabLog();
    const call = trace.call('serve_forever');
    log.append(call);
    expect(log.snapshotPart()).toEqual({
      recent: [call],
      threads: [{ pid: 1000, tid: 1, name: 'MainThread', alive: true }],
      open_spans: [call],
    });
  });
});
