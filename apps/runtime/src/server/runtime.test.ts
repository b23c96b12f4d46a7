import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Socket, socket as sock, type TraceEvent } from '@sockscope/core';
import type { Runtime } from './runtime.js';
import { startTestRuntime, type TestRuntime } from './runtime.fixture.js';
import { TestClient, until } from './test-client.js';

let rt: TestRuntime;
let runtime: Runtime;
let presenter: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  rt = await startTestRuntime('sockscope-rt-');
  ({ runtime, presenter, viewer } = rt);
});

afterAll(() => rt.close());

const forLab = (events: TraceEvent[], lab: string, c: TestClient): TraceEvent[] =>
  c.batches.filter((b) => b.lab === lab).flatMap((b) => b.events);

describe('RT-ROLE-1 presenter and viewers', () => {
  it('the token makes the presenter; without it a connection is a viewer', () => {
    expect(presenter.snapshot?.role).toBe('presenter');
    expect(viewer.snapshot?.role).toBe('viewer');
  });

  it('a viewer\'s control message is refused and changes nothing', async () => {
    const before = presenter.labs.size;
    const reply = await viewer.request('create_lab', { server: 'TCPServer', handler: 'echo' });
    expect(reply).toEqual({ ok: false, error: 'create_lab: only the presenter can do this (viewers watch)' });
    expect(presenter.labs.size).toBe(before);
  });
});

describe('RT-LIVE-1 a viewer sees a ThreadingTCPServer serve three clients', () => {
  it('three worker threads appear in the viewer\'s stream', async () => {
    const lab = await presenter.must('create_lab', {
      server: 'ThreadingTCPServer',
      handler: 'slow_echo',
      options: { poll_interval: 0.05, handler_delay_ms: 100 },
    });
    expect(lab.mro).toEqual(['ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object']);
    expect(lab.external_commands[0]?.command).toMatch(/^nc 127\.0\.0\.1 \d+$/);
    await presenter.must('run_lab', { lab: lab.id });
    const clients = [0, 1, 2].map(() => ({ steps: [['send', 'hi\n'], ['recv'], ['close']] as const }));
    await presenter.must('spawn_clients', { lab: lab.id, clients: clients.map((c) => ({ steps: [...c.steps] })) });
    const workers = (): string[] =>
      forLab(viewer.events, lab.id, viewer).flatMap((e) =>
        e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)') ? [e.child_name] : [],
      );
    await until(() => workers().length === 3, 10, 'three workers');
    await until(
      () => forLab(viewer.events, lab.id, viewer).filter((e) => e.kind === 'recv' && e.thread.startsWith('client-') && e.nbytes > 0).length === 3,
      10,
      'three replies',
    );
    const process = forLab(viewer.events, lab.id, viewer).find((e) => e.kind === 'call' && e.method === 'process_request');
    expect(process).toMatchObject({ cls: 'ThreadingMixIn', self_cls: 'ThreadingTCPServer' });
    // A viewer who joins now sees the present at once.
    const late = await TestClient.connect(runtime.url);
    expect(late.snapshot?.labs.map((l) => l.id)).toContain(lab.id);
    expect(late.snapshot?.threads[lab.id]?.filter((t) => t.name.endsWith('(process_request_thread)'))).toHaveLength(3);
    expect(late.snapshot?.recent[lab.id]?.length).toBeGreaterThan(50);
    late.close();
    await presenter.must('close_lab', { lab: lab.id });
  });
});

describe('RT-STEP-1 pause holds a real client\'s reply until step / continue', () => {
  it('held before process_request the client waits; stepping moves on; continue lets the reply out', async () => {
    const lab = await presenter.must('create_lab', { server: 'TCPServer', handler: 'echo', options: { poll_interval: 0.05 } });
    await presenter.must('run_lab', { lab: lab.id });
    await presenter.must('set_breakpoints', { lab: lab.id, breakpoints: { kinds: [], methods: ['process_request'], threads: [] } });
    const client = new Socket(sock.AF_INET, sock.SOCK_STREAM);
    client.settimeout(10);
    await client.connect(lab.address);
    await client.sendall(Buffer.from('are you there?\n'));
    let reply: Buffer | null = null;
    void client.recv(100).then((b) => (reply = b));
    await until(() => presenter.steps.get(lab.id)?.mode === 'paused', 10, 'the breakpoint');
    expect(presenter.steps.get(lab.id)?.held).toMatchObject({ kind: 'call', method: 'process_request' });
    await new Promise((r) => setTimeout(r, 300));
    expect(reply).toBeNull();
    // Viewers see the same paused state.
    await until(() => viewer.steps.get(lab.id)?.mode === 'paused', 5, 'viewer sees paused');
    const stepped = await presenter.must('step', { lab: lab.id });
    expect(stepped.held).toMatchObject({ kind: 'call', method: 'finish_request' });
    expect(reply).toBeNull();
    await presenter.must('set_breakpoints', { lab: lab.id, breakpoints: { kinds: [], methods: [], threads: [] } });
    await presenter.must('resume', { lab: lab.id });
    await until(() => reply !== null, 10, 'the reply');
    expect(String(reply)).toBe('are you there?\n');
    client.close();
    await presenter.must('close_lab', { lab: lab.id });
  });
});

describe('RT-BAD-1 bad requests get a clear error and the lab keeps serving', () => {
  it('malformed, unknown, oversized and impossible requests', async () => {
    const lab = await presenter.must('create_lab', { server: 'TCPServer', handler: 'echo', options: { poll_interval: 0.05 } });
    await presenter.must('run_lab', { lab: lab.id });
    const bad = async (event: Parameters<TestClient['request']>[0], req: unknown): Promise<string> => {
      const reply = await presenter.request(event, req as never);
      expect(reply.ok).toBe(false);
      return reply.ok ? '' : reply.error;
    };
    expect(await bad('create_lab', { server: 'TCPServer' })).toMatch(/^create_lab: handler: /);
    expect(await bad('create_lab', { server: 'NoSuchServer', handler: 'echo' })).toMatch(/unknown server class "NoSuchServer"/);
    expect(await bad('create_lab', { bases: ['BaseServer', 'TCPServer'], handler: 'echo' })).toMatch(
      /TypeError: Cannot create a consistent method resolution order \(MRO\) for bases BaseServer, TCPServer/,
    );
    expect(await bad('create_lab', { server: 'TCPServer', handler: 'echo', port: 80 })).toMatch(/port must be 0/);
    expect(await bad('spawn_clients', { lab: lab.id, clients: [{ steps: [['explode']] }] })).toMatch(/clients\.0\.steps\.0/);
    expect(await bad('spawn_clients', { lab: lab.id, clients: [{ steps: [['send', 'x'.repeat(300_000)]] }] })).toMatch(
      /message too large/,
    );
    expect(await bad('step', { lab: 'lab-999' })).toBe('step: no lab "lab-999"');
    expect(await bad('pause', 'not an object')).toMatch(/^pause: /);
    // The lab still serves.
    const client = new Socket();
    client.settimeout(5);
    await client.connect(lab.address);
    await client.sendall(Buffer.from('still here\n'));
    expect((await client.recv(100)).toString()).toBe('still here\n');
    client.close();
    await presenter.must('close_lab', { lab: lab.id });
  });
});

describe('RT-MULTI-1 labs run side by side', () => {
  it('TCPServer beside ThreadingTCPServer, each with its own trace', async () => {
    const a = await presenter.must('create_lab', { server: 'TCPServer', handler: 'echo', options: { poll_interval: 0.05 } });
    const b = await presenter.must('create_lab', { server: 'ThreadingTCPServer', handler: 'echo', options: { poll_interval: 0.05 } });
    for (const lab of [a, b]) await presenter.must('run_lab', { lab: lab.id });
    for (const lab of [a, b]) await presenter.must('spawn_clients', { lab: lab.id, clients: [{ steps: [['send', `to ${lab.id}\n`], ['recv']] }] });
    const sent = (id: string): string[] =>
      forLab(presenter.events, id, presenter).flatMap((e) => (e.kind === 'send' && e.thread.startsWith('client-') ? [e.preview] : []));
    await until(() => sent(a.id).length === 1 && sent(b.id).length === 1, 10, 'both clients');
    expect(sent(a.id)).toEqual([`b'to ${a.id}\\n'`]);
    expect(sent(b.id)).toEqual([`b'to ${b.id}\\n'`]);
    for (const lab of [a, b]) await presenter.must('close_lab', { lab: lab.id });
  });
});

describe('RT-REC-1 a lab is recorded to a trace file that can be listed, loaded and deleted', () => {
  it('record → stop → list → load → delete', async () => {
    const lab = await presenter.must('create_lab', { server: 'ThreadingUDPServer', handler: 'dgram_echo', options: { poll_interval: 0.05 } });
    const rec = await presenter.must('start_recording', { lab: lab.id });
    await presenter.must('run_lab', { lab: lab.id });
    await presenter.must('spawn_clients', { lab: lab.id, clients: [{ steps: [['send', 'ping'], ['recv']] }] });
    await until(() => presenter.events.some((e) => e.kind === 'recv' && e.thread.startsWith('client-') && e.preview === "b'ping'"), 10, 'reply');
    await presenter.must('close_lab', { lab: lab.id });
    const list = await viewer.must('list_recordings', {});
    const info = list.find((r) => r.name === rec.name);
    expect(info).toMatchObject({ server_class: 'ThreadingUDPServer', complete: true });
    const file = await viewer.must('load_recording', { name: rec.name });
    expect(file.header.mro[0]).toBe('ThreadingUDPServer');
    expect(file.events.some((e) => e.kind === 'thread_spawn')).toBe(true);
    const download = await fetch(`${runtime.url}recordings/${rec.name}`);
    expect(download.status).toBe(200);
    expect((await download.text()).split('\n')[0]).toContain('"format":"sockscope-trace"');
    expect((await viewer.request('delete_recording', { name: rec.name })).ok).toBe(false);
    const after = await presenter.must('delete_recording', { name: rec.name });
    expect(after.some((r) => r.name === rec.name)).toBe(false);
  });
});
