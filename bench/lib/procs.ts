/**
 * Every process the benchmark starts, and their end: each is stopped by its pid when its
 * part is done, and all that remain when the runner exits, fails or gets Ctrl-C. The
 * servers also exit by themselves when their stdin closes, so even a runner killed with
 * SIGKILL leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';

/** How to run a TypeScript entry point with this repository's tsx (as the core's fork does). */
export function tsNode(script: string, args: readonly string[] = []): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', import.meta.resolve('tsx'), script, ...args] };
}

/** A started process that speaks the servers' line protocol (see `servers/control.ts`). */
export class LineProcess {
  readonly #lines: string[] = [];
  readonly #waiting: Array<(line: string | null) => void> = [];
  readonly #rl: Interface;
  #closed = false;
  stderr = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    if (!child.stdout) throw new Error(`${name}: no stdout pipe`);
    this.#rl = createInterface({ input: child.stdout });
    this.#rl.on('line', (line) => {
      const next = this.#waiting.shift();
      if (next) next(line);
      else this.#lines.push(line);
    });
    this.#rl.on('close', () => {
      this.#closed = true;
      for (const w of this.#waiting.splice(0)) w(null);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The next JSON line on stdout, within `seconds`. */
  async next<T = Record<string, unknown>>(seconds = 30): Promise<T> {
    const line = await this.#nextLine(seconds);
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new Error(`${this.name} printed ${JSON.stringify(line)} instead of a JSON line`);
    }
  }

  /** Sends one command line and returns its JSON reply. */
  async command<T = Record<string, unknown>>(line: string, seconds = 10): Promise<T> {
    this.child.stdin?.write(`${line}\n`);
    return this.next<T>(seconds);
  }

  #nextLine(seconds: number): Promise<string> {
    const queued = this.#lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.#closed) return Promise.reject(new Error(`${this.name} exited: ${this.stderr.trim().slice(-2000)}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.#waiting.indexOf(take);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(new Error(`${this.name}: no answer within ${seconds} s. ${this.stderr.trim().slice(-2000)}`));
      }, seconds * 1000);
      const take = (line: string | null): void => {
        clearTimeout(timer);
        if (line === null) reject(new Error(`${this.name} exited: ${this.stderr.trim().slice(-2000)}`));
        else resolve(line);
      };
      this.#waiting.push(take);
    });
  }
}

/** The processes of one run. */
export class Processes {
  readonly #live = new Map<number, ChildProcess>();

  /** Starts `command` with piped stdio; it is stopped by `stop` or `stopAll`. */
  start(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): LineProcess {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
    const pid = child.pid;
    this.#live.set(pid, child);
    child.once('exit', () => this.#live.delete(pid));
    return new LineProcess(name, child);
  }

  /** Adopts a process started elsewhere (the load generator's fork) so that it is stopped too. */
  adopt(child: ChildProcess): void {
    const pid = child.pid;
    if (pid === undefined) return;
    this.#live.set(pid, child);
    child.once('exit', () => this.#live.delete(pid));
  }

  /** Stops one process by pid: SIGTERM, then SIGKILL after `graceMs`. Resolves once it exited. */
  async stop(pid: number, graceMs = 2000): Promise<void> {
    const child = this.#live.get(pid);
    if (child?.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    signal(pid, 'SIGTERM');
    const timer = setTimeout(() => signal(pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Stops every process still running. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#live.keys()].map((pid) => this.stop(pid)));
  }

  /** Synchronous last resort (process 'exit' handler): SIGKILL each by pid. */
  killAllNow(): void {
    for (const pid of this.#live.keys()) signal(pid, 'SIGKILL');
    this.#live.clear();
  }

  get count(): number {
    return this.#live.size;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Makes sure `procs` are stopped however the runner ends: normally (the caller's
 * `stopAll`), on Ctrl-C / SIGTERM (stop them, then exit 130 / 143), or on a crash.
 */
export function stopOnExit(procs: Processes): void {
  const onSignal = (sig: NodeJS.Signals): void => {
    process.stderr.write(`\n${sig}: stopping ${procs.count} benchmark process(es)…\n`);
    void procs.stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => procs.killAllNow());
}
