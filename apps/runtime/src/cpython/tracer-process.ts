/**
 * The python3 process that runs a CPython lab, and the Unix socket it (and each child it
 * forks) talks to the runtime on. One connection per process: JSON lines both ways.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { PYTHON_PACKAGE_ROOT, type PythonInfo } from './python-env.js';

/** An event line from one of the lab's processes, as the tracer sends it. */
export interface RawEvent {
  readonly event: Record<string, unknown>;
  /** Set when the tracer waits for a release before its thread goes on. */
  readonly hold?: number;
}

/** One process's connection: the lab's process or a forked child. */
export interface ProcessLink {
  readonly pid: number;
  /** Lets a held thread of this process go on. */
  release(token: number): void;
}

/** What the tracer process reports, besides replies to commands. */
export interface TracerListener {
  event(raw: RawEvent, from: ProcessLink): void;
  /** The loop ended (`stopped`) or died (`failed`). */
  state(state: string, error: string | null): void;
  /** The python3 process exited. */
  exit(code: number | null, stderr: string): void;
}

/** How much of python3's own stderr is kept for error messages. */
const STDERR_TAIL = 4000;

/** The running python3 tracer of one lab. */
export class TracerProcess {
  readonly #server: Server;
  readonly #child: ChildProcess;
  #control: Socket | null = null;
  #controlWaiters: Array<() => void> = [];
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #stderr = '';
  #exited = false;

  private constructor(server: Server, child: ChildProcess, readonly listener: TracerListener) {
    this.#server = server;
    this.#child = child;
  }

  /** Starts python3 with the tracer, listening for it on a socket in `dir`. */
  static async start(python: PythonInfo, dir: string, listener: TracerListener): Promise<TracerProcess> {
    const path = join(dir, 'runtime.sock');
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, resolve);
    });
    const child = spawn(python.executable, ['-m', 'sockscope_cpython', path], {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: PYTHON_PACKAGE_ROOT, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const tracer = new TracerProcess(server, child, listener);
    server.on('connection', (socket) => tracer.#accept(socket));
    child.stderr?.on('data', (chunk: Buffer) => {
      tracer.#stderr = (tracer.#stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.on('exit', (code) => tracer.#onExit(code));
    child.on('error', (err) => {
      tracer.#stderr += err.message;
      tracer.#onExit(null);
    });
    return tracer;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Sends a command to the lab's process; resolves with its reply's value. */
  async command(cmd: string, fields: Record<string, unknown> = {}): Promise<unknown> {
    const control = await this.#controlLink();
    const id = this.#nextId++;
    const reply = new Promise<unknown>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    control.write(`${JSON.stringify({ cmd, id, ...fields })}\n`);
    return reply;
  }

  /** Ends the process for good (after `close`, or when the lab cannot be made). */
  async stop(): Promise<void> {
    if (!this.#exited) {
      const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), 3000);
      this.#control?.end();
      if (!this.#exited) await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #controlLink(): Promise<Socket> {
    if (this.#exited) return Promise.reject(this.#exitError());
    if (this.#control) return Promise.resolve(this.#control);
    return new Promise((resolve, reject) => {
      this.#controlWaiters.push(() => (this.#control ? resolve(this.#control) : reject(this.#exitError())));
    });
  }

  #accept(socket: Socket): void {
    let link: ProcessLink | null = null;
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message['type'] === 'hello') link = this.#hello(socket, message);
        else if (link) this.#take(message, link);
      }
    });
  }

  #hello(socket: Socket, message: Record<string, unknown>): ProcessLink {
    const pid = Number(message['pid']);
    if (pid === this.#child.pid && !this.#control) {
      this.#control = socket;
      for (const wake of this.#controlWaiters.splice(0)) wake();
    }
    return { pid, release: (token) => socket.writable && socket.write(`${JSON.stringify({ release: token })}\n`) };
  }

  #take(message: Record<string, unknown>, link: ProcessLink): void {
    switch (message['type']) {
      case 'event':
        this.listener.event(message as unknown as RawEvent, link);
        return;
      case 'reply':
        this.#settle(message);
        return;
      case 'state':
        this.listener.state(String(message['state']), typeof message['error'] === 'string' ? message['error'] : null);
        return;
    }
  }

  #settle(message: Record<string, unknown>): void {
    const id = Number(message['id']);
    const waiter = this.#pending.get(id);
    if (!waiter) return;
    this.#pending.delete(id);
    if (message['ok'] === true) waiter.resolve(message['value']);
    else waiter.reject(new Error(String(message['value'])));
  }

  #onExit(code: number | null): void {
    if (this.#exited) return;
    this.#exited = true;
    const error = this.#exitError();
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
    for (const wake of this.#controlWaiters.splice(0)) wake();
    this.listener.exit(code, this.#stderr);
  }

  #exitError(): Error {
    const last = this.#stderr.trim().split('\n').slice(-3).join(' | ');
    return new Error(`the CPython tracer (python3) exited${last ? `: ${last}` : ''}`);
  }
}
