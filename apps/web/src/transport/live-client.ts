/**
 * The typed socket.io client of the live lab. It connects to the runtime that served the
 * page (`io()`, same origin), as the presenter when the page was opened with `?token=…`.
 *
 * What the runtime sends becomes two things: live-machine events (connection, snapshot,
 * labs, step states) passed to `dispatch`, and events appended to each lab's TraceModel
 * (the batch's `done` ack is called once they are in, so the next batch can come; a `gap`
 * becomes a gap marker). Requests go out with acks and come back as `Reply<T>`.
 */
import type {
  ClientToServerEvents,
  EventBatch,
  RecordingInfo,
  Reply,
  ServerToClientEvents,
  Snapshot,
  StepState,
  TraceEvent,
} from '@sockscope/core/trace';
import { io, type Socket } from 'socket.io-client';
import type { ControlRequest, LiveEvent } from '../machines/live-machine.js';
import { TraceModel } from '../model/trace-model.js';
import { DEFAULT_PACING, renderGap, smoothCost, type RenderPacing } from './render-pacing.js';

/** The socket, typed with the protocol's maps. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A request's name. */
export type RequestName = keyof ClientToServerEvents;
/** What a request sends. */
export type RequestOf<K extends RequestName> = Parameters<ClientToServerEvents[K]>[0];
/** What a request's reply carries when it succeeds. */
export type ReplyOf<K extends RequestName> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0] extends Reply<infer T> ? T : never;

/** How long a request waits for its answer before it is reported as failed. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** The session storage key that keeps the presenter token across reloads of the tab. */
const TOKEN_KEY = 'sockscope.token';

/**
 * The presenter token from `?token=` in the page's URL. It is then removed from the address
 * bar (a projected URL must not show it to the room) and kept for this tab only, so a reload
 * stays the presenter.
 */
export function takeToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works for this page.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Options of the client. */
export interface LiveClientOptions {
  /** The presenter token, if any (anything else, or none, makes a viewer). */
  readonly token: string | null;
  /** Receives the live machine's events. */
  readonly dispatch: (event: LiveEvent) => void;
  /** Makes the socket (tests give a fake); default `io()` on this page's origin. */
  readonly connect?: (token: string | null) => LiveSocket;
  /**
   * Runs `flush` before the next paint; default `requestAnimationFrame` where there is one,
   * else at once. Event batches only tell listeners through it, so however many batches
   * arrive within a frame, the page renders once for them.
   */
  readonly beforePaint?: (flush: () => void) => void;
  /**
   * Calls `done` once the page has rendered what `beforePaint`'s flush changed; default a
   * message posted from the frame, which runs after the frame's layout and paint. The time
   * in between is the render's cost, which paces the next render (`render-pacing.ts`).
   */
  readonly afterRender?: (done: () => void) => void;
  /** How renders for streamed events are spaced (default `DEFAULT_PACING`). */
  readonly pacing?: RenderPacing;
  /** The clock, in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

function defaultBeforePaint(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else flush();
}

function defaultAfterRender(done: () => void): void {
  if (typeof MessageChannel !== 'function') return;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    done();
  };
  channel.port2.postMessage(null);
}

/** The live lab as this browser knows it: one TraceModel per lab, the recordings, requests. */
export class LiveClient {
  /** Each lab's events, by lab id. Mutated in place; `version` says when. */
  readonly models = new Map<string, TraceModel>();
  #recordings: readonly RecordingInfo[] = [];
  readonly #lastSeq = new Map<string, number>();
  readonly #listeners = new Set<() => void>();
  readonly #options: LiveClientOptions;
  #socket: LiveSocket | null = null;
  #version = 0;
  #notifyPending = false;
  #lastNotify = -Infinity;
  #renderCost: number | null = null;

  constructor(options: LiveClientOptions) {
    this.#options = options;
  }

  /** Bumped on every change of the models or the recordings. */
  get version(): number {
    return this.#version;
  }

  get recordings(): readonly RecordingInfo[] {
    return this.#recordings;
  }

  /** The model of `lab` (an empty one until its events arrive). */
  model(lab: string): TraceModel {
    let model = this.models.get(lab);
    if (!model) {
      model = new TraceModel();
      this.models.set(lab, model);
    }
    return model;
  }

  /** For useSyncExternalStore: calls `listener` after every change. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** For useSyncExternalStore. */
  readonly getVersion = (): number => this.#version;

  /** Connects (once). */
  connect(): void {
    if (this.#socket) return;
    const { token, dispatch } = this.#options;
    dispatch({ type: 'CONNECT' });
    const socket = (this.#options.connect ?? defaultConnect)(token);
    this.#socket = socket;
    socket.on('connect', () => dispatch({ type: 'CONNECTED' }));
    socket.on('disconnect', (reason) => {
      // The server closing us, or our own close, is final; anything else reconnects by itself.
      const willReconnect = reason !== 'io server disconnect' && reason !== 'io client disconnect';
      dispatch({ type: 'DISCONNECTED', willReconnect, reason });
    });
    socket.on('connect_error', (err) => dispatch({ type: 'CONNECT_ERROR', message: err.message }));
    socket.on('snapshot', (snapshot) => {
      this.#takeSnapshot(snapshot);
      dispatch({ type: 'SNAPSHOT', snapshot });
    });
    socket.on('events', (batch, done) => {
      this.#takeBatch(batch);
      // The model has the events: the runtime may send the next batch (it keeps at most two in flight).
      if (typeof done === 'function') done();
    });
    socket.on('lab', (summary) => {
      if (summary.state === 'closed') this.#forget(summary.id);
      dispatch({ type: 'LAB', summary });
    });
    socket.on('step_state', ({ lab, state }) => dispatch({ type: 'STEP_STATE', lab, state }));
    socket.on('recordings', (list) => {
      this.#recordings = list;
      this.#changed();
    });
  }

  /** Closes the connection for good. */
  close(): void {
    this.#socket?.close();
    this.#socket = null;
  }

  /**
   * Sends a request and resolves with the runtime's reply; a request that cannot be sent
   * or gets no answer in time resolves with `{ ok: false, error }` too, so callers have one
   * shape to handle.
   */
  request<K extends RequestName>(name: K, req: RequestOf<K>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Reply<ReplyOf<K>>> {
    const socket = this.#socket;
    if (!socket?.connected) return Promise.resolve({ ok: false, error: `${name}: not connected to the live lab` });
    return new Promise((resolve) => {
      // socket.io's typed emit cannot follow a generic event name; the maps above keep the
      // payload and the reply in step with the protocol.
      const timed = socket.timeout(timeoutMs) as unknown as {
        emit(event: string, payload: unknown, ack: (err: Error | null, reply?: Reply<ReplyOf<K>>) => void): void;
      };
      timed.emit(name, req, (err, reply) => {
        if (err || reply === undefined) resolve({ ok: false, error: `${name}: no answer from the live lab (${err?.message ?? 'empty reply'})` });
        else resolve(reply);
      });
    });
  }

  /** The live machine's `send`: a step-through request for one lab. */
  readonly control = (request: ControlRequest): Promise<Reply<StepState>> => {
    switch (request.type) {
      case 'pause':
        return this.request('pause', { lab: request.lab });
      case 'resume':
        return this.request('resume', { lab: request.lab });
      case 'step':
        return this.request('step', request.count === undefined ? { lab: request.lab } : { lab: request.lab, count: request.count });
      case 'run_to':
        return this.request('run_to', { lab: request.lab, target: request.target });
      case 'set_breakpoints':
        return this.request('set_breakpoints', { lab: request.lab, breakpoints: request.breakpoints });
    }
  };

  /**
   * A (re)joining viewer's present. A lab whose model already holds events up to where the
   * snapshot's window starts keeps them and gets only the newer ones; any other lab starts
   * again from the window, with a gap marker for the events before it.
   */
  #takeSnapshot(snapshot: Snapshot): void {
    const labs = new Set(snapshot.labs.map((l) => l.id));
    for (const id of [...this.models.keys()]) if (!labs.has(id)) this.#forget(id);
    for (const lab of snapshot.labs) {
      const recent = snapshot.recent[lab.id] ?? [];
      const last = this.#lastSeq.get(lab.id);
      const first = recent[0]?.seq;
      if (last !== undefined && first !== undefined && first > last + 1) this.#forget(lab.id);
      this.#append(lab.id, recent, 0);
    }
    this.#recordings = snapshot.recordings;
    this.#changed();
  }

  #takeBatch(batch: EventBatch): void {
    this.#append(batch.lab, batch.events, batch.gap);
    // The model holds the events now (and `version` says so); the render waits for the frame.
    this.#version++;
    if (this.#notifyPending) return;
    this.#notifyPending = true;
    const now = this.#options.now ?? (() => performance.now());
    const render = (): void =>
      (this.#options.beforePaint ?? defaultBeforePaint)(() => {
        this.#notifyPending = false;
        const start = now();
        this.#lastNotify = start;
        this.#notify();
        (this.#options.afterRender ?? defaultAfterRender)(() => {
          this.#renderCost = smoothCost(this.#renderCost, now() - start);
        });
      });
    const gap = renderGap(this.#renderCost ?? 0, this.#options.pacing ?? DEFAULT_PACING);
    const wait = this.#lastNotify + gap - now();
    if (wait > 0) setTimeout(render, wait);
    else render();
  }

  /** Appends the events newer than what the lab's model holds; counts any missing ones as a gap. */
  #append(lab: string, events: readonly TraceEvent[], gap: number): void {
    const last = this.#lastSeq.get(lab);
    const fresh = last === undefined ? events : events.filter((e) => e.seq > last);
    const first = fresh[0];
    if (!first && gap <= 0) return;
    // Events before the first one we see were never sent to us (a window), or were dropped.
    const missing = first ? first.seq - (last ?? 0) - 1 : 0;
    this.model(lab).append(fresh, Math.max(gap, missing));
    const newest = fresh.at(-1);
    if (newest) this.#lastSeq.set(lab, newest.seq);
  }

  #forget(lab: string): void {
    this.models.delete(lab);
    this.#lastSeq.delete(lab);
    this.#changed();
  }

  #changed(): void {
    this.#version++;
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function defaultConnect(token: string | null): LiveSocket {
  return io({ auth: token === null ? {} : { token } });
}
