/**
 * A lab served by the real CPython socketserver: a python3 child runs it under the
 * sockscope tracer, and this object drives it with the same verbs as the port's Lab.
 * Events arrive over a Unix socket, get their place in the lab's trace here, and pass the
 * step gate like the port's; a held Python thread waits until the gate lets it go.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  nameOf,
  socket,
  TraceSession,
  type ClientSpec,
  type CreateLabRequest,
  type LabMode,
  type LabState,
  type LabSummary,
  type SockAddr,
  type TraceEvent,
} from '@sockscope/core';
import { HANDLERS } from '../labs/handlers.js';
import { externalCommands } from '../labs/lab.js';
import { labTracing, type LabHooks, type LabTracer } from '../labs/lab-tracer.js';
import { serverClass, type ServerShape } from '../labs/server-class.js';
import type { ServerLab } from '../labs/server-lab.js';
import { findPython } from './python-env.js';
import { TracerProcess, type ProcessLink, type RawEvent } from './tracer-process.js';

/** What the tracer says about the lab it built. */
interface CreatedLab {
  readonly server_class: string;
  readonly mro: string[];
  readonly resolution: Record<string, string>;
  readonly handler_class: string;
  readonly handler_mro: string[];
  readonly handler_resolution: Record<string, string>;
  readonly address: SockAddr;
}

/** How long `close` waits for python3 to shut the lab down before it is killed, ms. */
const CLOSE_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A lab on CPython. */
export class CPythonLab implements ServerLab {
  #state: LabState = 'created';
  #mode: LabMode | null = null;
  #error: string | null = null;
  #created: CreatedLab | null = null;
  #version = '';
  #process: TracerProcess | null = null;
  readonly tracer: LabTracer;
  readonly session: TraceSession;

  private constructor(
    readonly id: string,
    readonly request: CreateLabRequest,
    readonly shape: ServerShape,
    readonly dir: string,
    hooks: LabHooks,
  ) {
    ({ tracer: this.tracer, session: this.session } = labTracing(hooks));
  }

  /** Starts python3, builds the class and the server there (bound, listening), and describes it. */
  static async create(id: string, request: CreateLabRequest, hooks: LabHooks = {}): Promise<CPythonLab> {
    // The port's checks give the same errors for unknown names, impossible MROs and handler mismatches.
    const shape = serverClass(request);
    const handler = HANDLERS[request.handler];
    if (handler.transport !== shape.transport) {
      throw new Error(`${nameOf(handler.cls)} is a ${handler.transport} handler but ${nameOf(shape.cls)} is a ${shape.transport} server`);
    }
    const python = await findPython();
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-cpython-'));
    const lab = new CPythonLab(id, request, shape, dir, hooks);
    lab.#version = `CPython ${python.version}`;
    try {
      lab.#process = await TracerProcess.start(python, dir, {
        event: (raw, from) => lab.#event(raw, from),
        state: (state, error) => lab.#loopEnded(state, error),
        exit: (code) => lab.#exited(code),
      });
      lab.#created = (await lab.#process.command('create', { request: lab.#tracerRequest(), gated: hooks.gate != null })) as CreatedLab;
      return lab;
    } catch (err) {
      await lab.#process?.stop();
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  #tracerRequest(): Record<string, unknown> {
    const r = this.request;
    const address: SockAddr = this.shape.family === socket.AF_UNIX ? join(this.dir, 'server.sock') : ['127.0.0.1', r.port ?? 0];
    return {
      server: r.server, bases: r.bases, class_name: r.class_name, server_mixins: r.server_mixins,
      handler: r.handler, options: r.options ?? {}, address, sandbox_dir: join(this.dir, 'files'),
    };
  }

  #event(raw: RawEvent, from: ProcessLink): void {
    const fields = raw.event;
    const event = { ...fields, seq: 0, t_ns: Math.max(0, Number(BigInt(Number(fields['t_ns'])) - this.session.epoch)) } as unknown as TraceEvent;
    const holding = this.session.forward(event, raw.hold !== undefined);
    if (raw.hold === undefined) return;
    const token = raw.hold;
    if (holding instanceof Promise) void holding.finally(() => from.release(token));
    else from.release(token);
  }

  #loopEnded(state: string, error: string | null): void {
    if (this.#state !== 'serving') return;
    this.#state = state === 'failed' ? 'failed' : 'stopped';
    this.#error = error;
  }

  #exited(code: number | null): void {
    if (this.#state === 'closed') return;
    if (this.#state !== 'failed') {
      this.#state = 'failed';
      this.#error = `python3 exited unexpectedly (code ${String(code)})`;
    }
  }

  run(mode: LabMode = 'serve_forever', count = 1): void {
    if (this.#state !== 'created') throw new Error(`lab ${this.id} is ${this.#state}; only a new lab can be run`);
    this.#mode = mode;
    this.#state = 'serving';
    this.#process?.command('run', { mode, count }).catch((err: unknown) => this.#fail(err));
  }

  spawnClients(specs: readonly ClientSpec[]): readonly unknown[] {
    const family = this.shape.family === socket.AF_UNIX ? 'AF_UNIX' : 'AF_INET';
    this.#process
      ?.command('clients', { clients: specs, dir: this.dir, family, transport: this.shape.transport })
      .catch((err: unknown) => this.#fail(err));
    return specs;
  }

  async shutdown(): Promise<void> {
    if (this.#state !== 'serving') return;
    this.#state = 'shutting_down';
    if (this.#mode === 'serve_forever') await this.#process?.command('shutdown');
    this.#state = 'stopped';
  }

  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    this.tracer.gate?.dispose();
    try {
      await withTimeout(this.#process?.command('close'), CLOSE_TIMEOUT_MS);
    } catch {
      // The process may be gone or stuck; the lab closes all the same (stop() kills it).
    }
    this.#state = 'closed';
    await this.#process?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async joinLoop(seconds: number): Promise<void> {
    await this.#process?.command('join_loop', { seconds });
  }

  #fail(err: unknown): void {
    this.#state = 'failed';
    this.#error = err instanceof Error ? err.message : String(err);
  }

  get state(): LabState {
    return this.#state;
  }

  summary(recording: string | null = null): LabSummary {
    const c = this.#created;
    return {
      id: this.id,
      backend: 'cpython',
      backend_version: this.#version,
      server_class: c?.server_class ?? nameOf(this.shape.cls),
      mro: c?.mro ?? [],
      resolution: c?.resolution ?? {},
      handler: this.request.handler,
      handler_class: c?.handler_class ?? '',
      handler_mro: c?.handler_mro ?? [],
      handler_resolution: c?.handler_resolution ?? {},
      options: this.request.options ?? {},
      address: c?.address ?? null,
      mode: this.#mode,
      state: this.#state,
      error: this.#error,
      external_commands: c ? externalCommands(c.address, this.shape) : [],
      recording,
    };
  }
}
