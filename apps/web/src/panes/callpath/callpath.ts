/**
 * The call path pane's logic: the request path every socketserver request follows, the
 * variant this server class takes (synchronous, threading, forking; stream or datagram) from
 * its resolution table, which step the cursor is at, and how often each step has run.
 */
import type { LabDescription, TraceEvent } from '@sockscope/core/trace';
import type { CursorState, LaneStack } from '../../model/cursor-state.js';
import type { Lane } from '../../model/lanes.js';
import type { TraceModel } from '../../model/trace-model.js';

/** How a server handles a request: in the loop's thread, a new thread, or a forked child. */
export type Concurrency = 'sync' | 'threading' | 'forking';
/** Connections (TCPServer.get_request: accept) or datagrams (UDPServer.get_request: recvfrom). */
export type Transport = 'stream' | 'datagram';

/** The path a server class takes, from its resolution table. */
export interface Variant {
  readonly concurrency: Concurrency;
  readonly transport: Transport;
  /** The class whose process_request runs. */
  readonly processRequest: string | null;
  /** The class whose get_request runs. */
  readonly getRequest: string | null;
}

/** The variant of the described server class. */
export function serverVariant(description: LabDescription): Variant {
  const processRequest = description.resolution['process_request'] ?? null;
  const getRequest = description.resolution['get_request'] ?? null;
  const concurrency: Concurrency =
    processRequest === 'ThreadingMixIn' ? 'threading' : processRequest === 'ForkingMixIn' ? 'forking' : 'sync';
  // UDPServer.get_request (or a subclass's, e.g. UnixDatagramServer's, which is UDPServer's) reads a datagram.
  const transport: Transport = getRequest === 'UDPServer' ? 'datagram' : 'stream';
  return { concurrency, transport, processRequest, getRequest };
}

/** The steps of the request path, in order. */
export const STEP_IDS = [
  'serve_forever',
  'select',
  '_handle_request_noblock',
  'get_request',
  'verify_request',
  'process_request',
  'spawn',
  'process_request_thread',
  'finish_request',
  'setup',
  'handle',
  'finish',
  'shutdown_request',
  'close_request',
] as const;

/** One step's id. */
export type StepId = (typeof STEP_IDS)[number];

/** Where a step runs: the server loop's thread, a request thread, or a forked child. */
export type Where = 'loop' | 'worker' | 'child';

/** A step of the request path as this server class takes it. */
export interface PathStep {
  readonly id: StepId;
  /** The method called at this step (null for select and the spawn/fork). */
  readonly method: string | null;
  /** Whose method: the server's or the handler's. */
  readonly side: 'server' | 'handler' | null;
  /** The class whose implementation runs here (from the resolution tables). */
  readonly cls: string | null;
  readonly where: Where;
  /** False when this server class never takes the step (greyed). */
  readonly taken: boolean;
}

const HANDLER_STEPS: ReadonlySet<StepId> = new Set(['setup', 'handle', 'finish']);
const SERVER_METHOD_STEPS: ReadonlySet<string> = new Set([
  'serve_forever', '_handle_request_noblock', 'get_request', 'verify_request', 'process_request',
  'process_request_thread', 'finish_request', 'shutdown_request', 'close_request',
]);

/** The request path for this description, each step with its class, place and whether it is taken. */
export function requestPath(description: LabDescription): PathStep[] {
  const v = serverVariant(description);
  const afterSpawn: Where = v.concurrency === 'threading' ? 'worker' : v.concurrency === 'forking' ? 'child' : 'loop';
  const beforeSpawn = new Set<StepId>(['serve_forever', 'select', '_handle_request_noblock', 'get_request', 'verify_request', 'process_request', 'spawn']);
  return STEP_IDS.map((id) => {
    const handler = HANDLER_STEPS.has(id);
    const method = id === 'select' || id === 'spawn' ? null : id;
    const cls = method === null ? null : ((handler ? description.handler_resolution : description.resolution)[method] ?? null);
    let taken = true;
    if (id === 'spawn') taken = v.concurrency !== 'sync';
    if (id === 'process_request_thread') taken = v.concurrency === 'threading';
    return {
      id,
      method,
      side: method === null ? null : handler ? 'handler' : 'server',
      cls,
      where: beforeSpawn.has(id) ? 'loop' : afterSpawn,
      taken,
    };
  });
}

/** A call as far as the path cares. */
interface Frame {
  readonly cls: string;
  readonly method: string;
  readonly selfCls: string;
}

/** Whether a frame is a method of the handler (not the server). */
function isHandlerFrame(description: LabDescription, f: Frame): boolean {
  return f.selfCls === description.handler_class || (description.handler_mro.includes(f.cls) && !description.mro.includes(f.cls));
}

/** Whether a frame is a method of the server class. */
function isServerFrame(description: LabDescription, f: Frame): boolean {
  return f.selfCls === description.server_class || description.mro.includes(f.cls);
}

/**
 * The step a frame stands for, or null (service_actions, fileno, _Threads...). `direct` maps
 * only a step's own method (for counting); otherwise the handler's `__init__` stands for
 * finish_request (it is what finish_request calls), and a forking parent's close_request
 * (closing its copy right after the fork) for process_request.
 */
export function stepOfFrame(description: LabDescription, f: Frame, role: Lane['role'] | undefined, direct = false): StepId | null {
  if (isHandlerFrame(description, f)) {
    if (f.method === 'setup' || f.method === 'handle' || f.method === 'finish') return f.method;
    return !direct && f.method === '__init__' ? 'finish_request' : null;
  }
  if (!isServerFrame(description, f) || !SERVER_METHOD_STEPS.has(f.method)) return null;
  const forkingParent = serverVariant(description).concurrency === 'forking' && role !== 'child';
  if (forkingParent && (f.method === 'close_request' || f.method === 'shutdown_request')) return direct ? null : 'process_request';
  return f.method as StepId;
}

/** The step an event is by itself (select, spawn/fork), if any. */
function stepOfEvent(e: TraceEvent, role: Lane['role'] | undefined): StepId | null {
  switch (e.kind) {
    case 'select_wait':
    case 'select_ready':
    case 'select_timeout':
      return 'select';
    case 'thread_spawn':
      return e.child_name.endsWith('(process_request_thread)') ? 'spawn' : null;
    case 'fork':
    case 'child_start':
      return 'spawn';
    case 'thread_start':
      return role === 'worker' ? 'spawn' : null;
    default:
      return null;
  }
}

/** Where the cursor is on the request path: the step and the lane it is in. */
export interface PathPosition {
  readonly step: StepId;
  readonly lane: string;
}

/** The step at the cursor (null when the cursor is outside the request path: setup, a client, shutdown...). */
export function currentStep(model: TraceModel, state: CursorState, description: LabDescription): PathPosition | null {
  const e = state.event;
  if (!e) return null;
  const lane = `${e.pid}:${e.tid}`;
  const role = model.lanes.get(lane)?.role;
  const own = stepOfEvent(e, role);
  if (own) return { step: own, lane };
  const frames: Frame[] = [];
  if (state.active?.lane === lane) frames.push(state.active);
  const stack = state.stacks.find((s) => s.lane.key === lane)?.frames ?? [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const f = stack[i];
    if (f) frames.push(f);
  }
  for (const f of frames) {
    const step = stepOfFrame(description, f, role);
    if (step) return { step, lane };
  }
  return null;
}

/** For each step, the event indices where it started (sorted), for counting how often it ran. */
export function stepOccurrences(model: TraceModel, description: LabDescription): ReadonlyMap<StepId, readonly number[]> {
  const out = new Map<StepId, number[]>(STEP_IDS.map((id) => [id, []]));
  for (const s of model.spans) {
    const step = stepOfFrame(description, s, model.lanes.get(s.lane)?.role, true);
    if (step) out.get(step)?.push(s.startIndex);
  }
  model.events.forEach((e, index) => {
    // One select per wait; one spawn per thread_spawn / fork (not also its start in the new lane).
    if (e.kind === 'select_wait') out.get('select')?.push(index);
    if ((e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)')) || e.kind === 'fork') out.get('spawn')?.push(index);
  });
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** How many of the sorted `indices` are at or before `index`. */
export function countUpTo(indices: readonly number[], index: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((indices[mid] ?? Infinity) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lanes to show stacks for: those with a call open, in drawing order; the rest are counted as idle. */
export function visibleStacks(state: CursorState): { readonly busy: readonly LaneStack[]; readonly idle: readonly Lane[] } {
  return {
    busy: state.stacks.filter((s) => s.frames.length > 0),
    idle: state.stacks.filter((s) => s.frames.length === 0).map((s) => s.lane),
  };
}
