/**
 * Helpers for the core's tests: run a server loop in a logical thread, talk to it with
 * real loopback clients, capture stderr, and bound every wait.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setStderr } from '../python/sys.js';
import { AF_INET, AF_UNIX, SHUT_WR, SOCK_DGRAM, SOCK_STREAM, type AddressFamily } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import type { BaseServer } from '../socketserver/base-server.js';
import { sleep, Thread } from '../threading/thread.js';
import { MemoryTracer } from '../trace/memory-tracer.js';
import type { SockAddr, TraceEvent } from '../trace/schema.js';
import { traced } from '../trace/traced.js';
import type { HandlerClass, ServerClass } from '../socketserver/types.js';

/** A server whose `serve_forever` runs in its own logical thread. */
export interface Serving {
  readonly thread: Thread;
  /** Shuts the loop down, closes the server and joins the thread. */
  stop(): Promise<void>;
}

/** Starts `serve_forever(poll)` in a new logical thread, as CPython's tests do. */
export function serveInThread(server: BaseServer, poll = 0.01): Serving {
  const thread = new Thread({ target: () => server.serve_forever(poll), name: 'serve_forever', targetName: 'serve_forever' });
  thread.start();
  return {
    thread,
    async stop() {
      await server.shutdown();
      await server.server_close();
      await thread.join();
    },
  };
}

/**
 * A traced lab run: creates the server, serves it in a logical thread, lets `clients` talk
 * to it, then shuts it down and closes it. Returns every event.
 */
export async function tracedLab<S extends BaseServer>(
  cls: ServerClass<S>,
  address: SockAddr,
  handler: HandlerClass,
  clients: (server: S) => Promise<void>,
): Promise<TraceEvent[]> {
  const tracer = new MemoryTracer();
  await traced(tracer, async () => {
    const server = await cls.create(address, handler);
    const serving = serveInThread(server);
    await clients(server);
    await serving.stop();
  });
  return tracer.events;
}

/** The address family of an address. */
export function familyOf(address: SockAddr): AddressFamily {
  return typeof address === 'string' ? AF_UNIX : AF_INET;
}

/** Connects, sends `text`, shuts the write side, and reads until the server closes. */
export async function streamExchange(address: SockAddr, text: string): Promise<string> {
  const client = new Socket(familyOf(address), SOCK_STREAM);
  client.settimeout(5);
  await client.connect(address);
  await client.sendall(Buffer.from(text));
  client.shutdown(SHUT_WR);
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = await client.recv(4096);
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  client.close();
  return Buffer.concat(chunks).toString();
}

/** Sends one datagram (from a bound path for Unix sockets) and waits for one reply. */
export async function datagramExchange(address: SockAddr, text: string, clientPath?: string): Promise<string> {
  const client = new Socket(familyOf(address), SOCK_DGRAM);
  client.settimeout(5);
  if (clientPath !== undefined) await client.bind(clientPath);
  await client.sendto(Buffer.from(text), address);
  const [reply] = await client.recvfrom(65536);
  client.close();
  return reply.toString();
}

/** Resolves to `'timeout'` if `promise` has not settled within `seconds`. */
export async function within<T>(promise: Promise<T>, seconds: number): Promise<T | 'timeout'> {
  return Promise.race([promise, sleep(seconds).then(() => 'timeout' as const)]);
}

/** Collects what the port writes to `sys.stderr` until `restore()`. */
export function captureStderr(): { text(): string; restore(): void } {
  let text = '';
  const old = setStderr({ write: (t) => void (text += t) });
  return { text: () => text, restore: () => void setStderr(old) };
}

/** A fresh temporary folder for Unix socket paths; `remove()` deletes it. */
export function tempDir(): { path: (name: string) => string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sockscope-test-'));
  return { path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `check` every 10 ms for up to `seconds`; true once it holds. */
export async function eventually(check: () => boolean, seconds = 5): Promise<boolean> {
  const deadline = performance.now() + seconds * 1000;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(0.01);
  }
  return true;
}
