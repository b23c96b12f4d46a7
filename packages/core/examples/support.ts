/**
 * Plumbing shared by the examples: argument parsing, the "am I the entry point?" check,
 * stopping on SIGINT/SIGTERM, and a tracer that prints one line per event.
 *
 * Nothing here touches socketserver itself; the examples keep all of that in plain
 * sight so they read like the Python programs they mirror.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BaseException, reprAddress, type BaseServer, type TraceEvent, type Tracer } from '@sockscope/core';

/** True when the module whose `import.meta.url` is given was run directly (not imported). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    // realpath: the script may have been started through a symlink (npm workspaces).
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` with node:util's parseArgs. `--help` prints `usage` and exits 0; a bad
 * option prints the error and the usage to stderr and exits 2, as argparse does.
 */
export function parseCli<O extends Options>(usage: string, options: O, argv = process.argv.slice(2)) {
  const config = {
    args: argv,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  } as const;
  try {
    const parsed = parseArgs(config);
    if ((parsed.values as { help?: boolean }).help === true) {
      process.stdout.write(`${usage.trim()}\n`);
      process.exit(0);
    }
    return parsed;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}

/** Reads a non-negative integer option (a port, a request count), or exits 2 with a message. */
export function intOption(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) {
    process.stderr.write(`error: --${name} wants an integer from 0 to ${max}, not ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}

/** The first SIGINT or SIGTERM the process receives. */
export interface StopSignal {
  /** Resolves with the signal's name. */
  readonly received: Promise<NodeJS.Signals>;
  /** The signal, once one arrived. */
  readonly signal: NodeJS.Signals | undefined;
}

/**
 * Listens for SIGINT/SIGTERM. The first one resolves `received` (the example then shuts
 * its server down properly); a second one exits at once, in case that hangs.
 */
export function stopSignal(): StopSignal {
  let signal: NodeJS.Signals | undefined;
  let resolve!: (s: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const onSignal = (s: NodeJS.Signals): void => {
    if (signal !== undefined) process.exit(130);
    signal = s;
    process.stdout.write(`\n${s}: shutting down\n`);
    resolve(s);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    received,
    get signal() {
      return signal;
    },
  };
}

/**
 * Serves until told to stop: `requests` times `handle_request()` (0: `serve_forever()`),
 * ending early on SIGINT/SIGTERM; then closes the server.
 */
export async function serveUntilStopped(server: BaseServer, requests: number, stop: StopSignal): Promise<void> {
  try {
    if (requests > 0) {
      // handle_request() would wait for ever; closing the socket under it makes it return.
      void stop.received.then(() => server.server_close());
      for (let i = 0; i < requests && stop.signal === undefined; i++) await server.handle_request();
    } else {
      // serve_forever() polls every 0.5 s for a shutdown request; the signal handler runs
      // outside the loop, so it may wait in shutdown() without deadlocking.
      void stop.received.then(() => server.shutdown());
      await server.serve_forever(0.5);
    }
  } finally {
    await server.server_close();
  }
}

/**
 * Runs an example's `main()` and exits with its status. Exiting explicitly matters: like
 * the Python interpreter at exit, it does not wait for daemon request threads that are
 * still talking to a client.
 */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      // A Python exception (e.g. OSError: [Errno 98] Address already in use) is an expected
      // failure: say it in one line. Anything else is a bug: show the whole stack.
      const text = err instanceof BaseException ? `${err.name}: ${err.message}` : err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`error: ${text}\n`);
      process.exit(1);
    },
  );
}

/**
 * A Tracer that prints each event as one line, `[thread] what`, indented by how deep in
 * the call stack it happened. Returns are not printed (the indentation already shows
 * where a call ends), nor is the idle polling of `serve_forever` (a `select` every
 * poll_interval and the `service_actions` hook), which would drown everything else.
 */
export class LinePrinter implements Tracer {
  /** Nesting depth of each open call span, so that children print one step deeper. */
  readonly #depth = new Map<number, number>();
  /** Spans of calls we chose not to show; nothing inside them is shown either. */
  readonly #hidden = new Set<number>();

  constructor(readonly write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`)) {}

  emit(event: TraceEvent): void {
    // A call, return or exception sits at its caller's depth; any other event one step
    // inside the call it happened in. (Read before #describe, which forgets ended calls.)
    const ends = event.kind === 'call' || event.kind === 'return' || event.kind === 'exception';
    const depth = this.#depthOf(ends ? event.parent_span : event.span);
    const line = this.#describe(event);
    if (line === undefined) return;
    this.write(`[${event.thread}] ${'  '.repeat(depth)}${line}`);
  }

  #depthOf(span: number | null): number {
    return span === null ? 0 : (this.#depth.get(span) ?? 0);
  }

  /** The text of one event, or undefined to skip it (bookkeeping happens here too). */
  #describe(e: TraceEvent): string | undefined {
    if (e.span !== null && this.#hidden.has(e.span) && e.kind !== 'call') {
      if (e.kind === 'return' || e.kind === 'exception') this.#hidden.delete(e.span);
      return undefined;
    }
    switch (e.kind) {
      case 'call':
        if (e.method === 'service_actions' || (e.parent_span !== null && this.#hidden.has(e.parent_span))) {
          if (e.span !== null) this.#hidden.add(e.span);
          return undefined;
        }
        if (e.span !== null) this.#depth.set(e.span, this.#depthOf(e.parent_span) + 1);
        return `call ${e.cls}.${e.method}`;
      case 'return':
        if (e.span !== null) this.#depth.delete(e.span);
        return undefined;
      case 'exception':
        if (e.span !== null) this.#depth.delete(e.span);
        return `${e.cls}.${e.method} raised ${e.exc_type}: ${e.message}`;
      case 'select_wait':
      case 'select_timeout':
      case 'stderr': // already on the process's stderr
        return undefined;
      case 'select_ready':
        return `select: fd ${e.fd} is readable`;
      case 'bind':
        return `bind ${e.family}/${e.socket_type} fd ${e.fd} to ${reprAddress(e.address)}`;
      case 'listen':
        return `listen fd ${e.fd}, backlog ${e.backlog}`;
      case 'accept':
        return `accept fd ${e.conn_fd} from ${reprAddress(e.client_address)}`;
      case 'connect':
        return `connect fd ${e.fd} to ${reprAddress(e.address)}`;
      case 'recv':
        return `recv fd ${e.fd}: ${e.preview}${e.peer !== undefined ? ` from ${reprAddress(e.peer)}` : ''}`;
      case 'send':
        return `send fd ${e.fd}: ${e.preview}${e.peer !== undefined ? ` to ${reprAddress(e.peer)}` : ''}`;
      case 'socket_shutdown':
        return `shutdown fd ${e.fd} ${e.how}`;
      case 'close':
        return `close fd ${e.fd} (${e.role})`;
      case 'thread_spawn':
        return `start thread ${e.child_name}${e.daemon ? ' (daemon)' : ''}`;
      case 'thread_start':
        return 'thread running';
      case 'thread_exit':
        return 'thread done';
      case 'thread_join':
        return `joined ${e.joined_name}`;
      case 'node_difference':
        return `note [${e.rule}]: ${e.text}`;
      default: {
        // fork/reap and friends: not used by these examples, shown raw just in case.
        const { kind, seq: _s, t_ns: _t, pid: _p, tid: _i, thread: _n, span: _sp, parent_span: _ps, ...rest } = e;
        return `${kind} ${JSON.stringify(rest)}`;
      }
    }
  }
}
