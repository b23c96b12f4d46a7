/**
 * The socket.io API: every request is checked — size, role, shape — before it reaches the
 * hub, and always answered: `{ ok: true, value }` or `{ ok: false, error }` naming what was
 * wrong. A bad request changes nothing and the runtime keeps serving.
 */
import type { ClientToServerEvents, Reply, Role, ServerToClientEvents } from '@sockscope/core';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  createLabSchema,
  describeIssues,
  emptySchema,
  labRefSchema,
  recordingNameSchema,
  scenarioRefSchema,
  runLabSchema,
  runToSchema,
  setBreakpointsSchema,
  spawnClientsSchema,
  stepSchema,
} from '../protocol/schemas.js';
import { compareScenario, cpythonSources, listScenarios } from '../cpython/compare.js';
import { roleFor } from './auth.js';
import type { LabHub } from './lab-hub.js';

/** The largest request accepted, in bytes of JSON. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

type Io = Server<ClientToServerEvents, ServerToClientEvents>;
type Client = Socket<ClientToServerEvents, ServerToClientEvents>;
type Listener = (raw: unknown, ack: unknown) => void;

/** Serves the API on `io` for `hub`; `token` makes a connection the presenter. */
export function attachSocketApi(io: Io, hub: LabHub, token: string): void {
  io.on('connection', (socket) => {
    const offered = (socket.handshake.auth as { token?: unknown }).token ?? socket.handshake.query['token'];
    const role = roleFor(token, offered);
    const { feed, snapshot } = hub.addViewer(role, (batch, done) => socket.emit('events', batch, done));
    socket.emit('snapshot', snapshot);
    socket.on('disconnect', () => hub.removeViewer(feed));
    const api = new Api(socket, role);
    api.presenter('create_lab', createLabSchema, (r) => hub.createLab(r));
    api.presenter('run_lab', runLabSchema, (r) => hub.run(r.lab, r.mode, r.handle_request_count));
    api.presenter('shutdown_lab', labRefSchema, (r) => hub.shutdown(r.lab));
    api.presenter('close_lab', labRefSchema, (r) => hub.close(r.lab));
    api.presenter('spawn_clients', spawnClientsSchema, (r) => hub.spawnClients(r.lab, r.clients));
    api.presenter('pause', labRefSchema, (r) => hub.pause(r.lab));
    api.presenter('step', stepSchema, (r) => hub.step(r.lab, r.count));
    api.presenter('run_to', runToSchema, (r) => hub.runTo(r.lab, r.target));
    api.presenter('resume', labRefSchema, (r) => hub.resume(r.lab));
    api.presenter('set_breakpoints', setBreakpointsSchema, (r) => hub.setBreakpoints(r.lab, r.breakpoints));
    api.presenter('start_recording', labRefSchema, (r) => hub.startRecording(r.lab));
    api.presenter('stop_recording', labRefSchema, (r) => hub.stopRecording(r.lab));
    api.presenter('delete_recording', recordingNameSchema, (r) => hub.deleteRecording(r.name));
    api.anyone('list_recordings', emptySchema, () => hub.recordings.list());
    api.anyone('load_recording', recordingNameSchema, (r) => hub.loadRecording(r.name));
    api.anyone('cpython_source', emptySchema, () => cpythonSources());
    api.anyone('list_scenarios', emptySchema, () => listScenarios());
    api.anyone('compare_scenario', scenarioRefSchema, (r) => compareScenario(r.scenario));
  });
}

/** Registers checked request handlers on one connection. */
class Api {
  constructor(
    readonly socket: Client,
    readonly role: Role,
  ) {}

  /** A request only the presenter may make. */
  presenter<S extends z.ZodType>(event: keyof ClientToServerEvents, schema: S, run: (req: z.infer<S>) => unknown): void {
    this.#on(event, schema, run, true);
  }

  /** A request any viewer may make. */
  anyone<S extends z.ZodType>(event: keyof ClientToServerEvents, schema: S, run: (req: z.infer<S>) => unknown): void {
    this.#on(event, schema, run, false);
  }

  #on<S extends z.ZodType>(event: string, schema: S, run: (req: z.infer<S>) => unknown, presenterOnly: boolean): void {
    const listener: Listener = (raw, ack) => {
      // Without a callback there is nobody to answer; such a message is ignored.
      if (typeof ack !== 'function') return;
      const reply = ack as (r: Reply<unknown>) => void;
      void answer(event, raw, schema, run, presenterOnly && this.role !== 'presenter').then(reply);
    };
    (this.socket as unknown as { on(e: string, l: Listener): void }).on(event, listener);
  }
}

async function answer<S extends z.ZodType>(
  event: string,
  raw: unknown,
  schema: S,
  run: (req: z.infer<S>) => unknown,
  refused: boolean,
): Promise<Reply<unknown>> {
  if (refused) return { ok: false, error: `${event}: only the presenter can do this (viewers watch)` };
  const size = jsonSize(raw);
  if (size > MAX_MESSAGE_BYTES) {
    return { ok: false, error: `${event}: message too large (${size} bytes; the limit is ${MAX_MESSAGE_BYTES})` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `${event}: ${describeIssues(parsed.error)}` };
  try {
    return { ok: true, value: await run(parsed.data) };
  } catch (err) {
    return { ok: false, error: `${event}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function jsonSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
