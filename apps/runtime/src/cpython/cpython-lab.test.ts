/**
 * The CPython backend on real sockets and a real python3: the lab serves, its trace is the
 * sockscope schema, step-through holds a Python thread, forked children keep their events.
 */
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_BREAKPOINTS, validateEvent, type TraceEvent } from '@sockscope/core';
import { StepController } from '../stepping/step-controller.js';
import { CPythonLab } from './cpython-lab.js';
import { probePython } from './python-env.js';

const labs: CPythonLab[] = [];

afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.close();
});

async function lab(request: Parameters<typeof CPythonLab.create>[1], gate: StepController | null = null) {
  const events: TraceEvent[] = [];
  const made = await CPythonLab.create('t', request, { gate, sinks: [(e) => events.push(e)] });
  labs.push(made);
  return { lab: made, events };
}

/** One TCP exchange; resolves with the reply, or with null if none came within `waitMs`. */
function exchange(port: number, payload: string, waitMs = 5000): Promise<string | null> {
  return new Promise((resolve) => {
    const sock = createConnection(port, '127.0.0.1', () => sock.write(payload));
    const timer = setTimeout(() => {
      sock.destroy();
      resolve(null);
    }, waitMs);
    sock.once('data', (data) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(data.toString());
    });
    sock.on('error', () => undefined);
    sock.once('close', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const portOf = (l: CPythonLab): number => (l.summary().address as readonly [string, number])[1];

describe('the CPython backend', () => {
  it('CPY-1: a CPython lab serves a real client and its trace is the sockscope schema', async () => {
    const { lab: l, events } = await lab({ server: 'ThreadingTCPServer', handler: 'echo' });
    l.run('serve_forever');
    expect(await exchange(portOf(l), 'hello\n')).toBe('hello\n');
    await until(() => events.some((e) => e.kind === 'thread_exit' && e.thread.includes('process_request_thread')));
    const summary = l.summary();
    expect(summary.backend).toBe('cpython');
    expect(summary.backend_version).toMatch(/^CPython 3\.\d+\.\d+$/);
    expect(summary.mro).toEqual(['ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object']);
    expect(summary.resolution['process_request']).toBe('ThreadingMixIn');
    for (const e of events) expect(validateEvent(e)).toEqual({ ok: true, event: e });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const handle = events.find((e) => e.kind === 'call' && e.method === 'handle');
    expect(handle).toMatchObject({ cls: 'EchoHandler', self_cls: 'EchoHandler', src_file: 'sockscope_cpython.labs' });
    const spawn = events.find((e) => e.kind === 'call' && e.method === 'process_request');
    expect(spawn).toMatchObject({ cls: 'ThreadingMixIn', src_file: 'socketserver' });
    expect(typeof spawn?.src_line).toBe('number');
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['bind', 'listen', 'select_wait', 'select_ready', 'accept', 'recv', 'send', 'thread_spawn', 'thread_start']) {
      expect(kinds).toContain(k);
    }
  }, 20_000);

  it('CPY-2: paused at process_request, the Python thread holds and the client waits; resume lets the reply out', async () => {
    const steps = new StepController();
    steps.setBreakpoints({ ...NO_BREAKPOINTS, methods: ['process_request'] });
    const { lab: l } = await lab({ server: 'TCPServer', handler: 'echo' }, steps);
    l.run('serve_forever');
    const reply = exchange(portOf(l), 'held?\n', 8000);
    await until(() => steps.state().held !== null);
    expect(steps.state().held).toMatchObject({ kind: 'call', method: 'process_request', cls: 'BaseServer' });
    const early = await Promise.race([reply, new Promise((r) => setTimeout(() => r('none yet'), 400))]);
    expect(early).toBe('none yet');
    steps.resume();
    expect(await reply).toBe('held?\n');
    steps.dispose();
  }, 20_000);

  it('CPY-8: a forked child can be held too: paused at its handle(), the client waits', async () => {
    const steps = new StepController();
    steps.setBreakpoints({ ...NO_BREAKPOINTS, methods: ['handle'] });
    const { lab: l, events } = await lab({ server: 'ForkingTCPServer', handler: 'echo' }, steps);
    l.run('serve_forever');
    const reply = exchange(portOf(l), 'child\n', 8000);
    await until(() => steps.state().held !== null);
    const held = steps.state().held;
    expect(held).toMatchObject({ kind: 'call', method: 'handle', cls: 'EchoHandler' });
    const fork = events.find((e) => e.kind === 'fork');
    expect(held?.pid).toBe(fork?.kind === 'fork' ? fork.child_pid : -1);
    const early = await Promise.race([reply, new Promise((r) => setTimeout(() => r('none yet'), 400))]);
    expect(early).toBe('none yet');
    steps.resume();
    expect(await reply).toBe('child\n');
    steps.dispose();
  }, 20_000);

  it('CPY-3: a forked child reports its own events, under its own pid, and none are lost', async () => {
    const { lab: l, events } = await lab({ server: 'ForkingTCPServer', handler: 'echo' });
    l.run('serve_forever');
    const port = portOf(l);
    expect(await Promise.all([exchange(port, 'a\n'), exchange(port, 'b\n'), exchange(port, 'c\n')])).toEqual(['a\n', 'b\n', 'c\n']);
    await until(() => events.filter((e) => e.kind === 'child_exit').length === 3);
    const forks = events.filter((e) => e.kind === 'fork').map((e) => (e.kind === 'fork' ? e.child_pid : 0));
    const server = events[0]?.pid;
    expect(new Set(forks).size).toBe(3);
    for (const pid of forks) {
      const mine = events.filter((e) => e.pid === pid);
      expect(pid).not.toBe(server);
      expect(mine[0]).toMatchObject({ kind: 'child_start', parent_pid: server });
      expect(mine.filter((e) => e.kind === 'call').map((e) => (e.kind === 'call' ? e.method : ''))).toEqual(
        ['finish_request', '__init__', 'setup', 'handle', 'finish', 'shutdown_request', 'close_request'],
      );
      expect(mine.at(-1)).toMatchObject({ kind: 'child_exit', status: 0 });
    }
  }, 20_000);

  it('CPY-4: an exception is traced frame by frame with its type and message', async () => {
    const { lab: l, events } = await lab({ server: 'TCPServer', handler: 'crash' });
    l.run('serve_forever');
    await exchange(portOf(l), 'crash now', 3000);
    await until(() => events.some((e) => e.kind === 'return' && e.method === 'handle_error'));
    const raised = events.filter((e) => e.kind === 'exception');
    expect(raised.map((e) => (e.kind === 'exception' ? `${e.cls}.${e.method} ${e.exc_type}` : ''))).toEqual([
      'CrashHandler.handle ValueError',
      'BaseRequestHandler.__init__ ValueError',
      'BaseServer.finish_request ValueError',
      'BaseServer.process_request ValueError',
    ]);
    expect(raised[0]).toMatchObject({ message: 'cannot handle "crash now"' });
    expect(events.some((e) => e.kind === 'stderr' && e.text.includes('Exception occurred during processing of request'))).toBe(true);
  }, 20_000);

  it('CPY-5: the same impossible MRO is refused with the same words as the port', async () => {
    await expect(CPythonLab.create('t', { bases: ['BaseServer', 'TCPServer'], handler: 'echo' })).rejects.toThrow(
      'Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer',
    );
  });

  it('CPY-6: without a usable python3 the backend says what it needs', async () => {
    await expect(probePython('/nonexistent/python3')).rejects.toThrow(/needs python3 \(3\.8 or newer\)/);
    await expect(probePython(process.execPath)).rejects.toThrow(/could not be run|needs Python/);
  });
});
