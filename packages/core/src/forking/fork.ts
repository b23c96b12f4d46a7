/**
 * The parent side of ForkingMixIn's `os.fork()`. Node cannot fork a running process, so
 * the port starts a child process (one is kept warm ahead of time), hands it the
 * connection's file descriptor and a snapshot of the server, and the child continues
 * `process_request` as the forked child would. Stream connections really move to the
 * child; a datagram reply travels back through the parent's socket (SPEC NODE-FORK).
 */
import { fork as spawnNode, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { currentContext } from '../context.js';
import { adoptChild } from '../python/os.js';
import { writeStderrRaw } from '../python/sys.js';
import { SOCK_STREAM } from '../socket/constants.js';
import { Socket } from '../socket/socket.js';
import { emit } from '../trace/emit.js';
import type { TraceSession } from '../trace/session.js';
import type { ClientAddress, Request } from '../socketserver/types.js';
import { imageFor, modulesOf } from './child-image.js';
import { classRef } from './class-ref.js';
import type { ChildMessage, ChildTrace, InitMessage, StateValue } from './messages.js';

/** How many span ids each child may use. */
const CHILD_SPANS = 1_000_000;

let resuming = false;

/** In a child: the next `fork()` returns 0, as `os.fork()` does in the new process. */
export function resumeAsChild(): void {
  resuming = true;
}

/** The server as `fork()` needs it. */
export interface ForkingServer {
  readonly socket: Socket;
  readonly server_address: ClientAddress;
}

/**
 * Python's `os.fork()` at the point ForkingMixIn calls it: returns the child's pid in the
 * parent and 0 in the child.
 */
export async function fork(server: ForkingServer, request: Request, client_address: ClientAddress): Promise<number> {
  if (resuming) {
    resuming = false;
    return 0;
  }
  const ctx = currentContext();
  const serverClass = classRef(server.constructor);
  const state = snapshot(server);
  const child = takeChild([...modulesOf(serverClass), ...Object.values(state).flatMap(stateModules)]);
  const pid = adoptChild(child);
  const isStream = server.socket.type === SOCK_STREAM;
  const init: InitMessage = {
    type: 'init',
    serverClass,
    state,
    family: server.socket.family,
    socketType: server.socket.type,
    serverAddress: server.server_address,
    clientAddress: client_address,
    packet: isStream ? null : (request as readonly [Buffer, Socket])[0],
    trace: ctx.session ? childTrace(ctx.session, ctx) : null,
  };
  listen(child, server, ctx.session);
  if (!isStream) child.once('exit', server.socket.retainForChild());
  const handle = isStream ? (request as Socket).nodeStream() : undefined;
  // The parent's `fork` event comes before anything the child does: the child only starts
  // once it is sent its request (a warm child answers in well under a millisecond, so the
  // other order would let its `child_start` overtake the `fork`).
  await emit({ kind: 'fork', child_pid: pid });
  await new Promise<void>((resolve, reject) => {
    child.send(init, handle, { keepOpen: true }, (err) => (err ? reject(err) : resolve()));
  });
  return pid;
}

function childTrace(session: TraceSession, ctx: ReturnType<typeof currentContext>): ChildTrace {
  return {
    epoch: session.epoch.toString(),
    firstSpan: session.reserveSpans(CHILD_SPANS),
    span: ctx.span,
    parentSpan: ctx.parentSpan,
    tid: ctx.thread.ident,
    thread: ctx.thread.name,
  };
}

/** Relays the child's events, stderr and datagram replies. */
function listen(child: ChildProcess, server: ForkingServer, session: TraceSession | undefined): void {
  child.on('message', (raw: ChildMessage) => {
    if (raw.type === 'stderr') writeStderrRaw(raw.text);
    if (raw.type === 'event') {
      void Promise.resolve(session?.forward(raw.event, raw.holdable)).then(() => ack(child, raw.id));
    }
    if (raw.type === 'sendto') {
      void server.socket.sendtoUntraced(raw.data, raw.address).finally(() => ack(child, raw.id));
    }
  });
}

function ack(child: ChildProcess, id: number): void {
  if (child.connected) child.send({ type: 'ack', id }, () => undefined); // a child that already exited needs no ack
}

/** The server's own attributes a child needs: plain values and classes; sockets and locks stay behind. */
function snapshot(server: object): Record<string, StateValue> {
  const state: Record<string, StateValue> = {};
  for (const [key, value] of Object.entries(server)) {
    const v = toState(value);
    if (v !== undefined) state[key] = v;
  }
  return state;
}

function toState(value: unknown): StateValue | undefined {
  if (value === null || ['boolean', 'number', 'string'].includes(typeof value)) return value as StateValue;
  if (typeof value === 'function') return { classRef: classRef(value) };
  if (Array.isArray(value)) {
    const items = value.map(toState);
    return items.every((i) => i !== undefined) ? items : undefined;
  }
  return undefined;
}

/** The modules the classes among a server's attributes come from. */
function stateModules(value: StateValue): string[] {
  if (Array.isArray(value)) return (value as readonly StateValue[]).flatMap(stateModules);
  if (value !== null && typeof value === 'object' && 'classRef' in value) return modulesOf(value.classRef);
  return [];
}

const CHILD_MAIN = fileURLToPath(new URL('./child-main.ts', import.meta.url));
let spare: ChildProcess | undefined;
/** The modules each child can load: those of its image, or any (null) through tsx. */
const reach = new WeakMap<ChildProcess, ReadonlySet<string> | null>();

/**
 * A child process ready for a request that needs the modules `needed`: the warm spare if
 * it is still there and can load them; then a new spare is started.
 */
function takeChild(needed: readonly string[]): ChildProcess {
  const canLoad = (c: ChildProcess): boolean => {
    const modules = reach.get(c);
    return modules === null || (modules !== undefined && needed.every((m) => modules.has(m)));
  };
  let child: ChildProcess;
  if (spare?.exitCode === null && spare.connected && canLoad(spare)) child = spare;
  else {
    // A spare made for other classes has nothing to do: it exits when disconnected.
    if (spare?.connected) spare.disconnect();
    child = startChild(needed);
  }
  spare = startChild(needed);
  child.ref();
  (child.channel as { ref?: () => void } | null | undefined)?.ref?.();
  return child;
}

let killing = false;

/** An idle spare ends with the server's process (it could not start once its image is removed). */
function killSpareOnExit(): void {
  if (killing) return;
  killing = true;
  process.once('exit', () => {
    if (spare?.exitCode === null) spare.kill();
  });
}

/** Starts a child: from the image when one holds `needed` (fast), else through tsx. */
function startChild(needed: readonly string[]): ChildProcess {
  const image = CHILD_MAIN.endsWith('.ts') ? imageFor(needed) : null;
  const entry = image?.file ?? CHILD_MAIN;
  const execArgv = image ? ['--enable-source-maps'] : CHILD_MAIN.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawnNode(entry, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SOCKSCOPE_FORKED_CHILD: '1' },
  });
  reach.set(child, image ? image.modules : null);
  killSpareOnExit();
  // An idle spare must not keep the server's process alive.
  child.unref();
  (child.channel as { unref?: () => void } | null | undefined)?.unref?.();
  return child;
}
