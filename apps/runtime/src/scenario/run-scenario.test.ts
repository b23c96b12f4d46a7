import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@sockscope/core';
import { loadScenario, parseScenario } from './load-scenario.js';
import { runScenario } from './run-scenario.js';

const DIR = join(import.meta.dirname, '../../scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

async function run(file: string): Promise<{ events: TraceEvent[]; state: string; server: string }> {
  const events: TraceEvent[] = [];
  const summary = await runScenario(loadScenario(join(DIR, file)), (e) => events.push(e));
  return { events, state: summary.state, server: summary.server_class };
}

const replies = (events: TraceEvent[]): number =>
  events.filter((e) => e.kind === 'recv' && e.thread.startsWith('client-') && e.nbytes > 0).length;
const calls = (events: TraceEvent[], method: string): TraceEvent[] =>
  events.filter((e) => e.kind === 'call' && e.method === method);

describe('SCN-1 every fixture scenario runs headlessly and its clients are answered', () => {
  it('has a scenario for every public server class and the special cases', () => {
    expect(FILES).toHaveLength(16);
  });

  it.each(FILES.filter((f) => f.endsWith('Server.json')))('%s', async (file) => {
    const { events, state } = await run(file);
    expect(state).toBe('closed');
    expect(replies(events)).toBe(3);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    if (file.startsWith('Forking')) expect(events.filter((e) => e.kind === 'fork')).toHaveLength(3);
    if (file.startsWith('Threading')) {
      const workers = events.filter((e) => e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)'));
      expect(workers).toHaveLength(3);
    }
  });
});

describe('SCN-2 the special scenarios show their lesson', () => {
  it('bad-base-order: the MRO puts BaseServer before ThreadingMixIn and no worker thread starts', async () => {
    const { events, server } = await run('bad-base-order.json');
    expect(server).toBe('Bad');
    expect(calls(events, 'process_request').every((e) => e.kind === 'call' && e.cls === 'BaseServer')).toBe(true);
    expect(events.some((e) => e.kind === 'thread_spawn' && e.child_name.includes('process_request'))).toBe(false);
    expect(replies(events)).toBe(3);
  });

  it('crash-handler: one traceback, and the next client is still served', async () => {
    const { events } = await run('crash-handler.json');
    expect(calls(events, 'handle_error')).toHaveLength(1);
    expect(events.some((e) => e.kind === 'stderr' && e.text.includes('ValueError'))).toBe(true);
    expect(replies(events)).toBe(2);
  });

  it('handle-request-timeout: one request handled, then handle_timeout twice', async () => {
    const { events } = await run('handle-request-timeout.json');
    expect(calls(events, 'handle_request')).toHaveLength(3);
    expect(calls(events, 'handle_timeout')).toHaveLength(2);
    expect(replies(events)).toBe(1);
  });

  it('reject-all: verify_request refuses and the handler never runs', async () => {
    const { events } = await run('reject-all.json');
    expect(calls(events, 'verify_request')[0]).toMatchObject({ cls: 'RejectAll' });
    expect(calls(events, 'handle')).toHaveLength(0);
    expect(replies(events)).toBe(0);
  });
});

describe('SCN-3 a bad scenario is refused with the field that is wrong', () => {
  it.each([
    ['{', /not JSON/],
    ['{"handler": "echo"}', /give "server" \(a class name\) or "bases"/],
    ['{"server": "TCPServer", "handler": "telnet"}', /handler: Invalid option/],
    ['{"server": "TCPServer", "handler": "echo", "clients": [{"steps": [["dance"]]}]}', /clients\.0\.steps\.0/],
    ['{"server": "TCPServer", "handler": "echo", "colour": "red"}', /colour/],
  ])('%s', (text, message) => {
    expect(() => parseScenario(text)).toThrow(message);
  });

  it('an impossible base order comes back as Python\'s TypeError', async () => {
    const scenario = parseScenario('{"bases": ["BaseServer", "TCPServer"], "handler": "echo"}');
    await expect(runScenario(scenario, () => undefined)).rejects.toThrow(
      'TypeError: Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer',
    );
  });

  it('a stream handler on a datagram server is refused before anything binds', async () => {
    const scenario = parseScenario('{"server": "UDPServer", "handler": "echo"}');
    await expect(runScenario(scenario, () => undefined)).rejects.toThrow('EchoHandler is a stream handler but UDPServer is a datagram server');
  });
});
