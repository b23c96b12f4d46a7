/**
 * Runs each example as a real child process, talks to it over real sockets, and checks
 * both the bytes it answers and that it exits on its own (--requests N) or on a signal.
 * Every child this file starts is killed by its pid after the test if it is still alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root: where `--import tsx` is resolved from. */
const ROOT = join(HERE, '..', '..', '..');
const TEST_TIMEOUT = 10_000;
const STEP_TIMEOUT = 5_000;

/** One example process, with its output collected as it arrives. */
class Example {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly #changed = new Set<() => void>();

  constructor(readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      this.stdout += s;
      for (const f of this.#changed) f();
    });
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Waits until stdout matches `pattern`; fails with the output so far after a timeout. */
  waitFor(pattern: RegExp, ms = STEP_TIMEOUT): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const m = pattern.exec(this.stdout);
        if (!m) return;
        done();
        resolve(m);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${String(pattern)} within ${ms} ms\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      }, ms);
      const done = (): void => {
        clearTimeout(timer);
        this.#changed.delete(check);
      };
      this.#changed.add(check);
      check();
    });
  }

  /** Waits for the process to end; fails (leaving the kill to afterEach) if it does not. */
  async exit(ms = STEP_TIMEOUT): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${ms} ms\nstdout:\n${this.stdout}`)), ms);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const started = new Set<Example>();

/** Starts `examples/<file>` with node + tsx (no npx in between, so the pid is the example's). */
function start(file: string, args: string[] = []): Example {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, file), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ex = new Example(child);
  started.add(ex);
  return ex;
}

/** Stops a child left running by a failed test: SIGTERM (so it can clean up), then SIGKILL. */
async function stop(ex: Example): Promise<void> {
  const { pid, exitCode, signalCode } = ex.child;
  if (pid === undefined || exitCode !== null || signalCode !== null) return;
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (ex.child.exitCode === null && ex.child.signalCode === null) process.kill(pid, 'SIGKILL');
  }, 2_000);
  await ex.exited;
  clearTimeout(timer);
}

afterEach(async () => {
  await Promise.all([...started].map(stop));
  started.clear();
});

/** A TCP or Unix stream client that buffers what it receives. */
class StreamClient {
  #buffer = Buffer.alloc(0);
  #ended = false;
  readonly #changed = new Set<() => void>();

  private constructor(readonly sock: net.Socket) {
    sock.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#notify();
    });
    sock.on('end', () => {
      this.#ended = true;
      this.#notify();
    });
    sock.on('close', () => {
      this.#ended = true;
      this.#notify();
    });
    sock.on('error', () => undefined); // a reset shows up as 'close'
  }

  static connect(options: net.NetConnectOpts): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const sock = net.connect(options, () => resolve(new StreamClient(sock)));
      sock.once('error', reject);
    });
  }

  #notify(): void {
    for (const f of this.#changed) f();
  }

  #until(ready: () => boolean, what: string, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!ready()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${what} within ${ms} ms; got ${JSON.stringify(this.#buffer.toString('latin1'))}`));
      }, ms);
      const done = (): void => {
        clearTimeout(timer);
        this.#changed.delete(check);
      };
      this.#changed.add(check);
      check();
    });
  }

  /** Sends `data` and returns the next `data.length` bytes received. */
  async roundTrip(data: string | Buffer, replyLength = Buffer.byteLength(data)): Promise<Buffer> {
    this.sock.write(data);
    await this.#until(() => this.#buffer.length >= replyLength, `no ${replyLength}-byte reply`, STEP_TIMEOUT);
    const reply = this.#buffer.subarray(0, replyLength);
    this.#buffer = this.#buffer.subarray(replyLength);
    return reply;
  }

  /** Everything received until the server closed the connection. */
  async readToEnd(): Promise<Buffer> {
    await this.#until(() => this.#ended, 'no EOF', STEP_TIMEOUT);
    return this.#buffer;
  }

  /** Whether the peer has closed the connection. */
  get ended(): boolean {
    return this.#ended;
  }
}

/** Sends one datagram to 127.0.0.1:port and returns the first datagram that comes back. */
function udpRoundTrip(port: number, data: Buffer): Promise<{ reply: Buffer; from: dgram.RemoteInfo }> {
  const sock = dgram.createSocket('udp4');
  return new Promise<{ reply: Buffer; from: dgram.RemoteInfo }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no UDP reply within ${STEP_TIMEOUT} ms`)), STEP_TIMEOUT);
    sock.once('message', (reply, from) => {
      clearTimeout(timer);
      resolve({ reply, from });
    });
    sock.once('error', reject);
    sock.send(data, port, '127.0.0.1');
  }).finally(() => sock.close());
}

const LISTENING_TCP = /listening on 127\.0\.0\.1:(\d+)/;

function portOf(m: RegExpMatchArray): number {
  return Number(m[1]);
}

describe('examples/threaded-echo.ts', () => {
  it('serves two clients at once in two threads, then exits after --requests 2', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('threaded-echo.ts', ['--port', '0', '--requests', '2']);
    const port = portOf(await ex.waitFor(LISTENING_TCP));

    const a = await StreamClient.connect({ host: '127.0.0.1', port });
    expect((await a.roundTrip('one\n')).toString()).toBe('one\n');
    // `a` is still connected: only a second thread can answer `b` now.
    const b = await StreamClient.connect({ host: '127.0.0.1', port });
    expect((await b.roundTrip('two\n')).toString()).toBe('two\n');
    expect((await a.roundTrip('a line\nand another\n')).toString()).toBe('a line\nand another\n');
    b.sock.end();
    a.sock.end();
    expect((await a.readToEnd()).length).toBe(0);
    expect((await b.readToEnd()).length).toBe(0);

    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(ex.stdout).toContain(`try: nc 127.0.0.1 ${port}\n`);
    expect(ex.stdout).toContain('call ThreadingMixIn.process_request');
    expect(ex.stdout).toMatch(/\[Thread-\d+ \(process_request_thread\)\] +call EchoHandler\.handle/);
    const threads = new Set(ex.stdout.match(/Thread-\d+ \(process_request_thread\)/g));
    expect(threads.size).toBe(2);
    expect(ex.stdout).toContain("recv fd");
    expect(ex.stdout).toContain("b'two\\n'");
    expect(ex.stderr).toBe('');
  });

  it('shuts down cleanly on SIGINT even while a client is still connected', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('threaded-echo.ts');
    const port = portOf(await ex.waitFor(LISTENING_TCP));
    const client = await StreamClient.connect({ host: '127.0.0.1', port });
    expect((await client.roundTrip('still here\n')).toString()).toBe('still here\n');

    ex.child.kill('SIGINT');
    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(ex.stdout).toContain('SIGINT: shutting down');
    expect(ex.stdout).toContain('call BaseServer.shutdown');
    expect(ex.stdout).toContain('call ThreadingMixIn.server_close');
    await client.readToEnd(); // the connection went away with the process
  });
});

describe('examples/upper-tcp.ts + upper-client.ts', () => {
  it('upper-cases what upper-client.ts and a raw client send', { timeout: TEST_TIMEOUT }, async () => {
    const server = start('upper-tcp.ts', ['--port', '0', '--requests', '2']);
    const port = portOf(await server.waitFor(LISTENING_TCP));

    const client = start('upper-client.ts', ['--port', String(port), 'hello', 'world']);
    expect(await client.exit()).toEqual({ code: 0, signal: null });
    expect(client.stdout).toBe('Sent:     hello world\nReceived: HELLO WORLD\n');

    // What `printf 'hi \xc3\xbc\n' | nc 127.0.0.1 PORT` would send: only ASCII letters change.
    const raw = await StreamClient.connect({ host: '127.0.0.1', port });
    raw.sock.write(Buffer.from('hi \u00fc\n', 'utf8'));
    expect((await raw.readToEnd()).equals(Buffer.from('HI \u00fc\n', 'utf8'))).toBe(true);

    expect(await server.exit()).toEqual({ code: 0, signal: null });
    expect(server.stdout).toContain(`try: npx tsx packages/core/examples/upper-client.ts --port ${port} hello world\n`);
    expect(server.stdout).toContain(`  or: printf 'hi\\n' | nc -q1 127.0.0.1 ${port}\n`);
    expect(server.stdout).toContain("127.0.0.1 wrote: b'hello world\\n'");
    expect(server.stdout).toContain("127.0.0.1 wrote: b'hi \\xc3\\xbc\\n'");
  });

  it('upper-client.ts insists on --port', { timeout: TEST_TIMEOUT }, async () => {
    const client = start('upper-client.ts', ['hello']);
    expect((await client.exit()).code).toBe(2);
    expect(client.stderr).toContain('--port is required');
  });
});

describe('examples/udp-echo.ts', () => {
  it('echoes each datagram to its sender, then exits after --requests 2', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('udp-echo.ts', ['--port', '0', '--requests', '2', '--trace']);
    const port = portOf(await ex.waitFor(/listening on 127\.0\.0\.1:(\d+) \(udp\)/));

    const first = await udpRoundTrip(port, Buffer.from('ping\n'));
    expect(first.reply.toString()).toBe('ping\n');
    expect(first.from.port).toBe(port);
    const bytes = Buffer.from([0, 1, 2, 0xff]);
    expect((await udpRoundTrip(port, bytes)).reply.equals(bytes)).toBe(true);

    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(ex.stdout).toContain(`try: nc -u 127.0.0.1 ${port}\n`);
    expect(ex.stdout).toContain('call DatagramRequestHandler.finish');
    expect(ex.stdout).toContain("sent b'ping\\n'");
  });

  it('stops serve_forever() on SIGTERM', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('udp-echo.ts');
    const port = portOf(await ex.waitFor(/listening on 127\.0\.0\.1:(\d+)/));
    expect((await udpRoundTrip(port, Buffer.from('x'))).reply.toString()).toBe('x');
    ex.child.kill('SIGTERM');
    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(ex.stdout).toContain('SIGTERM: shutting down');
  });
});

describe('examples/unix-stream-echo.ts', () => {
  const LISTENING_UNIX = /listening on (\/\S+\.sock)/;

  it('echoes over a socket in a temp dir, then removes the dir after --requests 1', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('unix-stream-echo.ts', ['--requests', '1']);
    const path = (await ex.waitFor(LISTENING_UNIX))[1] as string;
    expect(existsSync(path)).toBe(true);

    const client = await StreamClient.connect({ path });
    expect((await client.roundTrip('hello\n')).toString()).toBe('hello\n');
    client.sock.end('unix\n'); // sent, then EOF: the handler echoes it and returns
    expect((await client.readToEnd()).toString()).toBe('unix\n');

    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(ex.stdout).toContain(`try: nc -U ${path}\n`);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('removes the temp dir when stopped by SIGTERM', { timeout: TEST_TIMEOUT }, async () => {
    const ex = start('unix-stream-echo.ts');
    const path = (await ex.waitFor(LISTENING_UNIX))[1] as string;
    ex.child.kill('SIGTERM');
    expect(await ex.exit()).toEqual({ code: 0, signal: null });
    expect(existsSync(dirname(path))).toBe(false);
  });
});

describe('every example', () => {
  const files = ['threaded-echo.ts', 'upper-tcp.ts', 'upper-client.ts', 'udp-echo.ts', 'unix-stream-echo.ts'];

  it('answers --help and exits', { timeout: TEST_TIMEOUT }, async () => {
    const runs = files.map((f) => start(f, ['--help']));
    for (const [i, ex] of runs.entries()) {
      expect(await ex.exit(8_000), files[i]).toEqual({ code: 0, signal: null });
      expect(ex.stdout, files[i]).toMatch(new RegExp(`^usage: ${files[i]}`));
    }
  });

  it('can be imported without starting anything', async () => {
    const before = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    const modules = await Promise.all([
      import('./threaded-echo.js'),
      import('./upper-tcp.js'),
      import('./upper-client.js'),
      import('./udp-echo.js'),
      import('./unix-stream-echo.js'),
    ]);
    expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(before);
    for (const m of modules) expect(typeof m.main).toBe('function');
    const { bytesUpper } = modules[1];
    expect(bytesUpper(Buffer.from('abc XYZ \u00e9 z{')).toString()).toBe('ABC XYZ \u00e9 Z{');
  });
});
