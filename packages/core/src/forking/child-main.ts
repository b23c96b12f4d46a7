/**
 * The entry point of a ForkingMixIn child process. It waits for one request, becomes
 * "the server right after fork()", and continues ForkingMixIn.process_request in its
 * child branch: finish_request, shutdown_request, then `os._exit(status)`.
 */
import type net from 'node:net';
import { setRootContext } from '../context.js';
import { originalMethod } from '../pyclass/trace-method.js';
import { protoOf } from '../pyclass/pyclass.js';
import { setStderr } from '../python/sys.js';
import { Socket } from '../socket/socket.js';
import { emit } from '../trace/emit.js';
import { TraceSession, type Tracer } from '../trace/session.js';
import type { TraceEvent } from '../trace/schema.js';
import type { Request } from '../socketserver/types.js';
import { ForkingMixIn } from '../socketserver/forking-mixin.js';
import { resolveClassRef } from './class-ref.js';
import { resumeAsChild } from './fork.js';
import type { AckMessage, InitMessage, StateValue } from './messages.js';
import { RelayedDatagramSocket, sendToParent, waitForAck } from './parent-channel.js';

/** Sends each event to the parent and waits until the parent has recorded (and released) it. */
class ParentTracer implements Tracer {
  #id = 0;

  emit(event: TraceEvent, holdable: boolean): Promise<void> {
    const id = ++this.#id;
    sendToParent({ type: 'event', id, event, holdable });
    return waitForAck(id);
  }
}

async function main(init: InitMessage, handle: net.Socket | undefined): Promise<void> {
  if (init.trace) {
    const session = new TraceSession(new ParentTracer(), {
      epoch: BigInt(init.trace.epoch),
      firstSpan: init.trace.firstSpan,
    });
    const thread = { ident: init.trace.tid, name: init.trace.thread, handling: [] };
    setRootContext({ thread, session, span: init.trace.span, parentSpan: init.trace.parentSpan });
  }
  setStderr({ write: (text) => sendToParent({ type: 'stderr', text }) });
  const ServerClass = await resolveClassRef(init.serverClass);
  const server = new ServerClass() as Record<string, unknown>;
  for (const [key, value] of Object.entries(init.state)) server[key] = await fromState(value);
  const socket = new Socket(init.family, init.socketType);
  server['socket'] = socket;
  const request: Request = handle
    ? Socket.fromStream(init.family, handle, 'connection')
    : [Buffer.from(init.packet ?? new Uint8Array(0)), new RelayedDatagramSocket(init.family, init.serverAddress)];
  await emit({ kind: 'child_start', parent_pid: process.ppid });
  resumeAsChild();
  // Continue inside ForkingMixIn.process_request, where os.fork() returned 0. Its call
  // event was emitted by the parent, so the child enters it untraced.
  const proto = protoOf(server, ForkingMixIn);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(server) below
  const processRequest = originalMethod(proto.process_request);
  await processRequest.call(server, request, init.clientAddress);
}

async function fromState(value: StateValue): Promise<unknown> {
  if (value !== null && typeof value === 'object' && 'classRef' in value) return resolveClassRef(value.classRef);
  if (Array.isArray(value)) return Promise.all(value.map(fromState));
  return value;
}

process.on('message', (msg: InitMessage | AckMessage, handle: unknown) => {
  if (msg.type !== 'init') return;
  main(msg, handle as net.Socket | undefined).catch((err: unknown) => {
    process.stderr.write(`sockscope: forked child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
});
// A spare whose parent went away has nothing to do.
process.on('disconnect', () => process.exit(0));
