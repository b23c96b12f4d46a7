import type { LabSummary, Snapshot, StepState, TraceEvent } from '@sockscope/core/trace';
import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../machines/live-machine.js';
import { exampleFile } from '../model/examples.fixture.js';
import { LiveClient, takeToken, type LiveClientOptions, type LiveSocket } from './live-client.js';
import { DEFAULT_PACING } from './render-pacing.js';

const events = exampleFile('ThreadingTCPServer').events;
type Handler = (...args: unknown[]) => void;

/** A stand-in for a socket.io socket: records emits, lets the test play the server. */
class FakeSocket {
  readonly handlers = new Map<string, Handler>();
  readonly emitted: Array<{ event: string; payload: unknown }> = [];
  connected = false;
  answer: ((event: string, payload: unknown) => unknown) | null = null;
  timeoutMs = 0;

  on(event: string, handler: Handler): this {
    this.handlers.set(event, handler);
    return this;
  }
  timeout(ms: number): this {
    this.timeoutMs = ms;
    return this;
  }
  emit(event: string, payload: unknown, ack: (err: Error | null, reply?: unknown) => void): this {
    this.emitted.push({ event, payload });
    const reply = this.answer?.(event, payload);
    if (reply === undefined) ack(new Error('operation has timed out'));
    else ack(null, reply);
    return this;
  }
  close(): void {
    this.connected = false;
  }
  /** The server sends `event`. */
  serve(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.(...args);
  }
}

function setup(
  token: string | null = 'secret',
  beforePaint?: (flush: () => void) => void,
  minGapMs = 0,
  render: Pick<LiveClientOptions, 'afterRender' | 'now'> = { afterRender: () => undefined },
) {
  const socket = new FakeSocket();
  const dispatched: LiveEvent[] = [];
  let offered: string | null | undefined;
  const client = new LiveClient({
    token,
    dispatch: (e) => dispatched.push(e),
    ...(beforePaint ? { beforePaint } : {}),
    pacing: { ...DEFAULT_PACING, minGapMs },
    ...render,
    connect: (t) => {
      offered = t;
      return socket as unknown as LiveSocket;
    },
  });
  client.connect();
  return { socket, client, dispatched, offered: () => offered };
}

const lab = { id: 'lab-1', state: 'serving' } as LabSummary;
const snapshot = (recent: readonly TraceEvent[]): Snapshot => ({
  role: 'presenter',
  labs: [lab],
  recent: { 'lab-1': recent },
  threads: {},
  open_spans: {},
  step: {},
  recordings: [],
});

describe('WEB-LIVE-CLIENT-1 server events become machine events and model appends', () => {
  it('connects with the token and reports the connection', () => {
    const { socket, dispatched, offered } = setup();
    expect(offered()).toBe('secret');
    socket.serve('connect');
    socket.serve('connect_error', new Error('xhr poll error'));
    socket.serve('disconnect', 'transport close');
    socket.serve('disconnect', 'io server disconnect');
    expect(dispatched).toEqual([
      { type: 'CONNECT' },
      { type: 'CONNECTED' },
      { type: 'CONNECT_ERROR', message: 'xhr poll error' },
      { type: 'DISCONNECTED', willReconnect: true, reason: 'transport close' },
      { type: 'DISCONNECTED', willReconnect: false, reason: 'io server disconnect' },
    ]);
  });

  it('a snapshot builds the lab\'s model; a batch appends, then calls done', () => {
    const { socket, client, dispatched } = setup();
    socket.serve('snapshot', snapshot(events.slice(0, 50)));
    expect(dispatched.at(-1)?.type).toBe('SNAPSHOT');
    expect(client.model('lab-1').length).toBe(50);
    let doneCalledAfter = -1;
    socket.serve('events', { lab: 'lab-1', events: events.slice(50, 80), gap: 0 }, () => {
      doneCalledAfter = client.model('lab-1').length;
    });
    expect(doneCalledAfter).toBe(80);
  });

  it('batches arriving within one frame are acked at once but tell the page once, before the paint', () => {
    const frames: Array<() => void> = [];
    const { socket, client } = setup('secret', (flush) => frames.push(flush));
    socket.serve('snapshot', snapshot(events.slice(0, 10)));
    let renders = 0;
    client.subscribe(() => renders++);
    let acks = 0;
    for (let i = 10; i < 40; i += 10) socket.serve('events', { lab: 'lab-1', events: events.slice(i, i + 10), gap: 0 }, () => acks++);
    expect(acks).toBe(3);
    expect(client.model('lab-1').length).toBe(40);
    expect(renders).toBe(0);
    expect(frames).toHaveLength(1);
    const before = client.version;
    frames[0]?.();
    expect(renders).toBe(1);
    expect(client.version).toBe(before);
    socket.serve('events', { lab: 'lab-1', events: events.slice(40, 50), gap: 0 }, () => acks++);
    expect(frames).toHaveLength(2);
  });

  /** A client with a snapshot of 10 events whose frames run when the test says, and a batch of 5 at `from`. */
  function streaming(render?: Pick<LiveClientOptions, 'afterRender' | 'now'>) {
    const frames: Array<() => void> = [];
    const { socket, client } = setup('secret', (flush) => frames.push(flush), 50, render);
    socket.serve('snapshot', snapshot(events.slice(0, 10)));
    const counted = { renders: 0 };
    client.subscribe(() => counted.renders++);
    const batch = (from: number) => socket.serve('events', { lab: 'lab-1', events: events.slice(from, from + 5), gap: 0 }, () => undefined);
    return { frames, client, counted, batch };
  }

  it('a stream of batches renders at most once per least gap (minGapMs)', () => {
    vi.useFakeTimers();
    try {
      const { frames, client, counted, batch } = streaming();
      batch(10);
      frames.shift()?.();
      expect(counted.renders).toBe(1);
      batch(15);
      batch(20);
      vi.advanceTimersByTime(49);
      expect(frames).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(frames).toHaveLength(1);
      frames.shift()?.();
      expect(counted.renders).toBe(2);
      expect(client.model('lab-1').length).toBe(25);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a costly render spaces the next ones (WEB-LIVE-PACING-1): a 40 ms render is followed 200 ms later', () => {
    vi.useFakeTimers();
    try {
      let clock = 1_000;
      const rendered: Array<() => void> = [];
      const { frames, counted, batch } = streaming({ afterRender: (done) => rendered.push(done), now: () => clock });
      batch(10);
      frames.shift()?.();
      expect(counted.renders).toBe(1);
      clock += 40; // the render, with its layout and paint, took 40 ms
      rendered.shift()?.();
      batch(15);
      vi.advanceTimersByTime(159);
      expect(frames).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(frames).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a gap becomes a gap marker; repeated events are not appended twice', () => {
    const { socket, client } = setup();
    socket.serve('snapshot', snapshot(events.slice(0, 10)));
    socket.serve('events', { lab: 'lab-1', events: events.slice(5, 20), gap: 0 }, () => undefined);
    expect(client.model('lab-1').length).toBe(20);
    socket.serve('events', { lab: 'lab-1', events: events.slice(30, 40), gap: 10 }, () => undefined);
    expect(client.model('lab-1').gaps).toEqual([{ index: 20, count: 10 }]);
  });

  it('a late viewer whose window starts later sees a gap for the events before it', () => {
    const { socket, client } = setup();
    socket.serve('snapshot', snapshot(events.slice(100, 150)));
    expect(client.model('lab-1').gaps).toEqual([{ index: 0, count: 100 }]);
  });

  it('a reconnect keeps the events already seen and appends only the newer ones', () => {
    const { socket, client } = setup();
    socket.serve('snapshot', snapshot(events.slice(0, 60)));
    const model = client.model('lab-1');
    socket.serve('snapshot', snapshot(events.slice(20, 90)));
    expect(client.model('lab-1')).toBe(model);
    expect(model.length).toBe(90);
    expect(model.gaps).toEqual([]);
  });

  it('lab, step_state and recordings are passed on; a closed lab\'s model goes', () => {
    const { socket, client, dispatched } = setup();
    socket.serve('snapshot', snapshot(events.slice(0, 10)));
    const state = { mode: 'paused' } as StepState;
    socket.serve('step_state', { lab: 'lab-1', state });
    expect(dispatched.at(-1)).toEqual({ type: 'STEP_STATE', lab: 'lab-1', state });
    socket.serve('recordings', [{ name: 'r1' }]);
    expect(client.recordings).toEqual([{ name: 'r1' }]);
    socket.serve('lab', { ...lab, state: 'closed' });
    expect(client.models.has('lab-1')).toBe(false);
    expect(dispatched.at(-1)).toMatchObject({ type: 'LAB', summary: { id: 'lab-1', state: 'closed' } });
  });
});

describe('WEB-LIVE-CLIENT-2 requests answer with a Reply', () => {
  it('passes the ack\'s reply through; no answer or no connection is a failed reply', async () => {
    const { socket, client } = setup();
    expect(await client.request('pause', { lab: 'lab-1' })).toEqual({ ok: false, error: 'pause: not connected to the live lab' });
    socket.connected = true;
    socket.answer = (event, payload) => (event === 'pause' ? { ok: true, value: { mode: 'paused', payload } } : undefined);
    expect(await client.control({ type: 'pause', lab: 'lab-1' })).toEqual({ ok: true, value: { mode: 'paused', payload: { lab: 'lab-1' } } });
    const silent = await client.request('resume', { lab: 'lab-1' }, 50);
    expect(silent).toEqual({ ok: false, error: 'resume: no answer from the live lab (operation has timed out)' });
    expect(socket.timeoutMs).toBe(50);
  });
});

describe('WEB-LIVE-CLIENT-3 the presenter token comes from ?token= and leaves the address bar', () => {
  it('reads, hides and remembers the token for the tab', () => {
    const store = new Map<string, string>();
    let shown = '';
    const win = {
      location: { href: 'http://127.0.0.1:8400/?token=abc&presenter=1#trace=x' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => (shown = url) },
      sessionStorage: { setItem: (k: string, v: string) => store.set(k, v), getItem: (k: string) => store.get(k) ?? null },
    } as unknown as Window;
    expect(takeToken(win)).toBe('abc');
    expect(shown).toBe('/?presenter=1#trace=x');
    (win.location as { href: string }).href = 'http://127.0.0.1:8400/';
    expect(takeToken(win)).toBe('abc');
  });
});
