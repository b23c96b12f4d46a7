/**
 * A lab: one real socketserver server from the core, its scripted clients, and the trace
 * of everything they do. Several labs may run side by side, each with its own tracer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mro,
  nameOf,
  reprAddress,
  resolutionTable,
  socket,
  Thread,
  TraceSession,
  traced,
  type BaseServer,
  type ClientSpec,
  type CreateLabRequest,
  type ExternalCommand,
  type HandlerClass,
  type LabMode,
  type LabOptions,
  type LabState,
  type LabSummary,
  type SockAddr,
} from '@sockscope/core';
import { startClient, type ClientTarget } from './clients.js';
import { HANDLERS } from './handlers.js';
import { labTracing, type LabHooks, type LabTracer } from './lab-tracer.js';
import { serverClass, type ServerShape } from './server-class.js';
import type { ServerLab } from './server-lab.js';

/** The lab options that are server attributes, set before the server binds. */
const SERVER_ATTRIBUTES = [
  'daemon_threads', 'block_on_close', 'timeout', 'max_children', 'request_queue_size',
  'allow_reuse_address', 'allow_reuse_port', 'max_packet_size', 'handler_delay_ms',
] as const;

/** How many scripted clients may run at once in one lab. */
export const MAX_LIVE_CLIENTS = 200;

/** How long `close` waits for scripted clients still taking their last reply, ms. */
const CLIENT_GRACE_MS = 1000;

/** A running lab. */
export class Lab implements ServerLab {
  #state: LabState = 'created';
  #mode: LabMode | null = null;
  #error: string | null = null;
  #loop: Thread | null = null;
  #clients: Thread[] = [];
  #clientCount = 0;
  readonly tracer: LabTracer;
  readonly session: TraceSession;

  private constructor(
    readonly id: string,
    readonly request: CreateLabRequest,
    readonly shape: ServerShape,
    readonly server: BaseServer,
    readonly dir: string,
    tracer: LabTracer,
    session: TraceSession,
  ) {
    this.tracer = tracer;
    this.session = session;
  }

  /**
   * Builds the class, creates the server (binding a loopback port or a path in the lab's
   * own temp folder) with the options applied first, all under the lab's tracer.
   */
  static async create(id: string, request: CreateLabRequest, hooks: LabHooks = {}): Promise<Lab> {
    const shape = serverClass(request);
    const handler = HANDLERS[request.handler];
    if (handler.transport !== shape.transport) {
      throw new Error(
        `${nameOf(handler.cls)} is a ${handler.transport} handler but ${nameOf(shape.cls)} is a ${shape.transport} server`,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-lab-'));
    const { tracer, session } = labTracing(hooks);
    const address: SockAddr = shape.family === socket.AF_UNIX ? join(dir, 'server.sock') : ['127.0.0.1', request.port ?? 0];
    try {
      const server = await traced(session, async () => {
        const s = new shape.cls();
        Object.assign(s, serverAttributes(request.options ?? {}), { sandbox_dir: join(dir, 'files') });
        await s.__init__(address, handler.cls as HandlerClass);
        return s;
      });
      return new Lab(id, request, shape, server, dir, tracer, session);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** Starts the server loop in its own thread: `serve_forever(poll_interval)`, or `handle_request()` N times. */
  run(mode: LabMode = 'serve_forever', count = 1): void {
    if (this.#state !== 'created') throw new Error(`lab ${this.id} is ${this.#state}; only a new lab can be run`);
    this.#mode = mode;
    this.#state = 'serving';
    const poll = this.request.options?.poll_interval ?? 0.5;
    const loop =
      mode === 'serve_forever'
        ? () => this.server.serve_forever(poll)
        : async () => {
            for (let i = 0; i < count && this.#state === 'serving'; i++) await this.server.handle_request();
          };
    this.#loop = traced(this.session, () => {
      const t = new Thread({ target: () => this.#guard(loop), targetName: mode });
      t.start();
      return t;
    });
  }

  async #guard(loop: () => Promise<void>): Promise<void> {
    try {
      await loop();
      if (this.#state === 'serving') this.#state = 'stopped';
    } catch (err) {
      this.#fail(err);
    }
  }

  /** Starts scripted clients against the server; at most MAX_LIVE_CLIENTS run at once. */
  spawnClients(specs: readonly ClientSpec[]): Thread[] {
    this.#clients = this.#clients.filter((t) => t.is_alive());
    if (this.#clients.length + specs.length > MAX_LIVE_CLIENTS) {
      throw new Error(`at most ${MAX_LIVE_CLIENTS} clients may run at once in a lab (${this.#clients.length} still running)`);
    }
    const target: ClientTarget = {
      address: this.server.server_address,
      family: this.shape.family,
      transport: this.shape.transport,
      clientPath: (n) => join(this.dir, `client-${n}.sock`),
    };
    const started = traced(this.session, () => specs.map((spec) => startClient(spec, target, ++this.#clientCount)));
    this.#clients.push(...started);
    return started;
  }

  /**
   * Stops the loop: `shutdown()` from the main thread for `serve_forever`; for
   * `handle_request` (which shutdown cannot stop) the loop simply ends with the lab.
   */
  async shutdown(): Promise<void> {
    if (this.#state !== 'serving') return;
    this.#state = 'shutting_down';
    if (this.#mode === 'serve_forever') await traced(this.session, () => this.server.shutdown());
    this.#state = 'stopped';
  }

  /** Closes the server (joining its threads or children), releases any held thread, removes the temp folder. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.tracer.gate?.dispose();
    await this.shutdown();
    await traced(this.session, async () => {
      await this.server.server_close();
      await this.#loop?.join(5);
    });
    // A reply sent while server_close joined the workers is still on its way: let the
    // scripted clients take it. Untraced (no thread_join events) and bounded.
    const deadline = Date.now() + CLIENT_GRACE_MS;
    for (const client of this.#clients) await client.join(Math.max(0, deadline - Date.now()) / 1000);
    this.#state = 'closed';
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Waits for the loop thread to end (handle_request mode), at most `seconds`. */
  async joinLoop(seconds: number): Promise<void> {
    await traced(this.session, () => this.#loop?.join(seconds));
  }

  #fail(err: unknown): void {
    this.#state = 'failed';
    this.#error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }

  get state(): LabState {
    return this.#state;
  }

  /** What every viewer is told about the lab. */
  summary(recording: string | null = null): LabSummary {
    const handler = HANDLERS[this.request.handler].cls;
    return {
      id: this.id,
      backend: 'core',
      backend_version: `the TypeScript port on Node ${process.version}`,
      server_class: nameOf(this.shape.cls),
      mro: mro(this.shape.cls),
      resolution: resolutionTable(this.shape.cls),
      handler: this.request.handler,
      handler_class: nameOf(handler),
      handler_mro: mro(handler),
      handler_resolution: resolutionTable(handler),
      options: this.request.options ?? {},
      address: this.server.server_address,
      mode: this.#mode,
      state: this.#state,
      error: this.#error,
      external_commands: externalCommands(this.server.server_address, this.shape),
      recording,
    };
  }
}

function serverAttributes(options: LabOptions): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const key of SERVER_ATTRIBUTES) if (options[key] !== undefined) attrs[key] = options[key];
  return attrs;
}

/** The commands a student can type to reach the server from a terminal. */
export function externalCommands(address: SockAddr, shape: Pick<ServerShape, 'family' | 'transport'>): ExternalCommand[] {
  const dgram = shape.transport === 'datagram';
  if (typeof address === 'string') {
    return [
      { label: 'netcat', command: `nc ${dgram ? '-uU' : '-U'} ${address}` },
      {
        label: 'Python',
        command: dgram
          ? `python3 -c "import socket,os; s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); p='/tmp/sockscope-client-%d.sock' % os.getpid(); s.bind(p); s.sendto(b'hello', '${address}'); print(s.recv(8192)); os.unlink(p)"`
          : `python3 -c "import socket; s=socket.socket(socket.AF_UNIX); s.connect('${address}'); s.sendall(b'hello\\n'); print(s.recv(1024))"`,
      },
    ];
  }
  const [host, port] = address as readonly [string, number];
  return [
    { label: 'netcat', command: `nc ${dgram ? '-u ' : ''}${host} ${port}` },
    {
      label: 'Python',
      command: dgram
        ? `python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'hello', ${reprAddress(address)}); print(s.recv(8192))"`
        : `python3 -c "import socket; s=socket.create_connection(${reprAddress(address)}); s.sendall(b'hello\\n'); print(s.recv(1024))"`,
    },
  ];
}
