import type { Scenario } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import type { LiveRequest } from '../live/live-types.js';
import { livePlan, runLive } from './run-live.js';

const built: Scenario = {
  bases: ['ForkingMixIn', 'ThreadingMixIn', 'TCPServer'],
  class_name: 'MyServer',
  handler: 'slow_echo',
  options: { poll_interval: 0.05 },
  clients: [{ start_ms: 0, steps: [['send', 'hi\n'], ['recv'], ['close']] }],
  warmup_ms: 50,
  shutdown_after_ms: 400,
};

/** A runtime that records the requests and answers each one, or fails `failing`. */
function fakeRuntime(failing?: string) {
  const calls: Array<[string, unknown]> = [];
  const request = ((name: string, req: unknown) => {
    calls.push([name, req]);
    if (name === failing) return Promise.resolve({ ok: false, error: `${name} refused` });
    return Promise.resolve({ ok: true, value: name === 'create_lab' ? { id: 'lab-7' } : 1 });
  }) as unknown as LiveRequest;
  return { calls, request };
}

describe('WEB-LESSON-8 a lesson run live: its scenario as a lab on the runtime', () => {
  it('plans a class built from bases, its options, mode and clients', () => {
    expect(livePlan(built)).toEqual({
      create: { handler: 'slow_echo', bases: ['ForkingMixIn', 'ThreadingMixIn', 'TCPServer'], class_name: 'MyServer', options: { poll_interval: 0.05 } },
      mode: 'serve_forever',
      handleRequestCount: null,
      clients: built.clients,
      warmupMs: 50,
      shutdownAfterMs: 400,
    });
    const plain = livePlan({ server: 'UDPServer', handler: 'dgram_echo', mode: 'handle_request', handle_request_count: 2, server_mixins: ['RejectAll'] });
    expect(plain).toMatchObject({ create: { server: 'UDPServer', handler: 'dgram_echo', server_mixins: ['RejectAll'] }, mode: 'handle_request', handleRequestCount: 2, clients: [], shutdownAfterMs: null });
  });

  it('creates the lab, runs it, waits the warm-up, spawns the clients, then shuts it down', async () => {
    const { calls, request } = fakeRuntime();
    const slept: number[] = [];
    const error = await runLive(request, built, (ms) => {
      slept.push(ms);
      return Promise.resolve();
    });
    expect(error).toBeNull();
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.map(([name]) => name)).toEqual(['create_lab', 'run_lab', 'spawn_clients', 'shutdown_lab']);
    expect(calls[1]?.[1]).toEqual({ lab: 'lab-7', mode: 'serve_forever' });
    expect(calls[2]?.[1]).toEqual({ lab: 'lab-7', clients: built.clients });
    expect(slept).toEqual([50, 400]);
  });

  it('stops at the first refusal and says why', async () => {
    const { calls, request } = fakeRuntime('run_lab');
    expect(await runLive(request, built, () => Promise.resolve())).toBe('run_lab refused');
    expect(calls.map(([name]) => name)).toEqual(['create_lab', 'run_lab']);
  });
});
