/**
 * The call path pane's logic: the request path every socketserver request follows, the
 * variant this server class takes (synchronous, threading, forking; stream or datagram) from
 * its resolution table, which step the cursor is at, and how often each step has run.
 */
import type { LabDescription, TraceEvent } from '@sockscope/core/trace';
import type { CursorState, LaneStack } from '../../model/cursor-state.js';
import type { Lane } from '../../model/lanes.js';
import type { TraceModel } from '../../model/trace-model.js';
import type { Span } from '../../model/spans.js';

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

/** What `stepOccurrences` has counted of one model, so a grown model only counts its new tail. */
interface Occurrences {
  readonly description: LabDescription;
  readonly out: Map<StepId, number[]>;
  spans: number;
  events: number;
}

const occurrenceCache = new WeakMap<TraceModel, Occurrences>();

/**
 * For each step, the event indices where it started (sorted), for counting how often it ran.
 * Models only grow, and every span or event added after a count starts later than all it
 * counted, so a later call extends the same lists (the map returned is the same object).
 */
export function stepOccurrences(model: TraceModel, description: LabDescription): ReadonlyMap<StepId, readonly number[]> {
  let c = occurrenceCache.get(model);
  if (c?.description !== description || c.spans > model.spans.length || c.events > model.length) {
    c = { description, out: new Map(STEP_IDS.map((id) => [id, []])), spans: 0, events: 0 };
    occurrenceCache.set(model, c);
  }
  const fresh = new Map<StepId, number[]>(STEP_IDS.map((id) => [id, []]));
  for (let i = c.spans; i < model.spans.length; i++) {
    const s = model.spans[i] as Span;
    const step = stepOfFrame(description, s, model.lanes.get(s.lane)?.role, true);
    if (step) fresh.get(step)?.push(s.startIndex);
  }
  for (let index = c.events; index < model.length; index++) {
    const e = model.events[index] as TraceEvent;
    // One select per wait; one spawn per thread_spawn / fork (not also its start in the new lane).
    if (e.kind === 'select_wait') fresh.get('select')?.push(index);
    if ((e.kind === 'thread_spawn' && e.child_name.endsWith('(process_request_thread)')) || e.kind === 'fork') fresh.get('spawn')?.push(index);
  }
  for (const [id, list] of fresh) if (list.length > 0) c.out.get(id)?.push(...list.sort((a, b) => a - b));
  c.spans = model.spans.length;
  c.events = model.length;
  return c.out;
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

/** How many stacks and idle lane names the pane shows at most; the rest are counted. */
export const MAX_SHOWN_STACKS = 8;
export const MAX_SHOWN_IDLE = 12;

/**
 * The lanes to show stacks for: those with a call open, in drawing order; the rest are named
 * as idle. A flood of connections can leave hundreds of lanes at once (and a gap in a live
 * stream leaves calls that never return), so at most `maxBusy` stacks are shown — the
 * cursor's lane, the server's own lanes, then the most recently active — and at most
 * `maxIdle` idle names; `hiddenBusy` and `hiddenIdle` count the others.
 */
export function visibleStacks(
  state: CursorState,
  activeLane: string | null = null,
  maxBusy = MAX_SHOWN_STACKS,
  maxIdle = MAX_SHOWN_IDLE,
): { readonly busy: readonly LaneStack[]; readonly idle: readonly Lane[]; readonly hiddenBusy: number; readonly hiddenIdle: number } {
  const allBusy = state.stacks.filter((s) => s.frames.length > 0);
  const allIdle = state.stacks.filter((s) => s.frames.length === 0).map((s) => s.lane);
  let busy = allBusy;
  if (allBusy.length > maxBusy) {
    const priority = (s: LaneStack): number => (s.lane.key === activeLane ? 2 : s.lane.role === 'main' || s.lane.role === 'loop' ? 1 : 0);
    const kept = new Set(
      [...allBusy].sort((a, b) => priority(b) - priority(a) || b.lane.lastIndex - a.lane.lastIndex).slice(0, maxBusy),
    );
    busy = allBusy.filter((s) => kept.has(s));
  }
  return { busy, idle: allIdle.slice(0, maxIdle), hiddenBusy: allBusy.length - busy.length, hiddenIdle: Math.max(0, allIdle.length - maxIdle) };
}
