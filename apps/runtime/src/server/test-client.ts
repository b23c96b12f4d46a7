/** A socket.io client for the runtime's tests: typed requests, and the events it was sent. */
import type {
  ClientToServerEvents,
  EventBatch,
  LabSummary,
  Reply,
  ServerToClientEvents,
  Snapshot,
  StepState,
  TraceEvent,
} from '@sockscope/core';
import { io, type Socket } from 'socket.io-client';

type Requests = ClientToServerEvents;
type Req<E extends keyof Requests> = Parameters<Requests[E]>[0];
type Value<E extends keyof Requests> = Parameters<Parameters<Requests[E]>[1]>[0] extends Reply<infer T> ? T : never;

/** A connected viewer or presenter. */
export class TestClient {
  readonly events: TraceEvent[] = [];
  readonly batches: EventBatch[] = [];
  readonly labs = new Map<string, LabSummary>();
  readonly steps = new Map<string, StepState>();
  snapshot: Snapshot | null = null;

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('snapshot', (s) => (this.snapshot = s));
    socket.on('events', (batch, done) => {
      this.batches.push(batch);
      this.events.push(...batch.events);
      done();
    });
    socket.on('lab', (l) => this.labs.set(l.id, l));
    socket.on('step_state', (u) => this.steps.set(u.lab, u.state));
  }

  /** Connects (with the presenter token, if given) and waits for the snapshot. */
  static async connect(url: string, token?: string): Promise<TestClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
    });
    const client = new TestClient(socket);
    await until(() => client.snapshot !== null, 5);
    return client;
  }

  /** Sends a request and returns the reply. */
  request<E extends keyof Requests>(event: E, req: Req<E>): Promise<Reply<Value<E>>> {
    // socket.io's typed emit cannot follow a generic event name; the shapes are checked above.
    const untyped = this.socket as unknown as { emit(e: string, r: unknown, ack: (reply: Reply<Value<E>>) => void): void };
    return new Promise((resolve) => untyped.emit(event, req, resolve));
  }

  /** Sends a request that must succeed, and returns its value. */
  async must<E extends keyof Requests>(event: E, req: Req<E>): Promise<Value<E>> {
    const reply = await this.request(event, req);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  close(): void {
    this.socket.close();
  }
}

/** Polls `check` every 10 ms for up to `seconds`; throws if it never holds. */
export async function until(check: () => boolean, seconds: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
