/** CPY-7: the CPython backend over socket.io, as the web app uses it. */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './runtime.fixture.js';
import { until, type TestClient } from './test-client.js';

let rt: TestRuntime;
let presenter: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  rt = await startTestRuntime('sockscope-cpy-');
  ({ presenter, viewer } = rt);
});

afterAll(() => rt.close());

describe('CPY-7 the CPython backend over socket.io', () => {
  it('a CPython lab streams its events to a viewer, marked as CPython', async () => {
    const lab = await presenter.must('create_lab', { server: 'ThreadingUDPServer', handler: 'dgram_echo', backend: 'cpython' });
    expect(lab).toMatchObject({ backend: 'cpython', server_class: 'ThreadingUDPServer' });
    expect(lab.external_commands[0]?.command).toMatch(/^nc -u 127\.0\.0\.1 \d+$/);
    await presenter.must('run_lab', { lab: lab.id });
    await presenter.must('spawn_clients', { lab: lab.id, clients: [{ steps: [['send', 'hi'], ['recv'], ['close']] }] });
    const mine = () => viewer.batches.filter((b) => b.lab === lab.id).flatMap((b) => b.events);
    await until(() => mine().some((e) => e.kind === 'recv' && e.thread === 'client-1'), 10, 'the client\'s reply');
    expect(mine().find((e) => e.kind === 'call' && e.method === 'process_request')).toMatchObject({ cls: 'ThreadingMixIn', src_file: 'socketserver' });
    const closed = await presenter.must('close_lab', { lab: lab.id });
    expect(closed.state).toBe('closed');
  });

  it('cpython_source is the installed socketserver.py, read now', async () => {
    const path = execFileSync('python3', ['-c', 'import socketserver; print(socketserver.__file__)']).toString().trim();
    const sources = await viewer.must('cpython_source', {});
    const socketserver = sources.modules.find((m) => m.module === 'socketserver');
    expect(socketserver?.path).toBe(path);
    expect(socketserver?.text).toBe(readFileSync(path, 'utf8'));
    expect(sources.version).toMatch(/^CPython 3\./);
    expect(sources.modules.map((m) => m.module)).toContain('sockscope_cpython.labs');
  });

  it('compare_scenario runs a shipped scenario on both backends; unknown names are refused', async () => {
    const list = await viewer.must('list_scenarios', {});
    expect(list.map((s) => s.name)).toContain('TCPServer');
    const both = await viewer.must('compare_scenario', { scenario: 'TCPServer' });
    expect(both.core.header.backend).toBe('core');
    expect(both.cpython.header.backend).toBe('cpython');
    expect(both.cpython.header.mro).toEqual(both.core.header.mro);
    expect(both.cpython.events.length).toBeGreaterThan(20);
    const bad = await viewer.request('compare_scenario', { scenario: 'nope' });
    expect(bad).toMatchObject({ ok: false });
    expect((bad as { error: string }).error).toMatch(/no scenario "nope"/);
  }, 30_000);
});
