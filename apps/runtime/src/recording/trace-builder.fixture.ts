/**
 * Test support: a sample trace header and a builder of small synthetic traces, with
 * calls that nest per thread the way the core's tracer nests them.
 */
import {
  TRACE_FILE_FORMAT,
  TRACE_FILE_VERSION,
  TRACE_SCHEMA_VERSION,
  type EventDraft,
  type TraceEvent,
  type TraceHeader,
} from '@sockscope/core';

/** A plausible header of a ThreadingTCPServer echo run. */
export function sampleHeader(overrides: Partial<TraceHeader> = {}): TraceHeader {
  return {
    format: TRACE_FILE_FORMAT,
    version: TRACE_FILE_VERSION,
    schema_version: TRACE_SCHEMA_VERSION,
    backend: 'core',
    created_at: '2024-05-01T10:00:00.000Z',
    scenario: null,
    server_class: 'ThreadingTCPServer',
    mro: ['ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object'],
    resolution: { process_request: 'ThreadingMixIn', serve_forever: 'BaseServer' },
    handler: 'echo',
    handler_class: 'EchoHandler',
    handler_mro: ['EchoHandler', 'StreamRequestHandler', 'BaseRequestHandler', 'object'],
    handler_resolution: { handle: 'EchoHandler', setup: 'StreamRequestHandler' },
    options: {},
    ...overrides,
  };
}

/** A thread of a synthetic trace: its identity and its open calls. */
export interface Lane {
  readonly pid: number;
  readonly tid: number;
  readonly thread: string;
  /** Open calls, innermost last. */
  readonly stack: Array<{ readonly span: number; readonly cls: string; readonly method: string }>;
}

/** Builds a synthetic trace: seq from 1, time advancing 1 µs per event unless told. */
export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  #t = 0;
  #span = 0;

  /** A thread. `openSpans` are calls it continues (a forked child continues its parent's). */
  lane(pid: number, tid: number, thread: string, openSpans: Lane['stack'] = []): Lane {
    return { pid, tid, thread, stack: [...openSpans] };
  }

  /** Lets `ns` nanoseconds pass. */
  wait(ns: number): this {
    this.#t += ns;
    return this;
  }

  /** `Class.method` is called in `lane`; returns its span. */
  call(lane: Lane, qualified: string, selfCls = 'ThreadingTCPServer'): number {
    const [cls = '', method = ''] = qualified.split('.');
    const span = ++this.#span;
    this.#push(lane, { kind: 'call', method, cls, self_cls: selfCls }, span, lane.stack.at(-1)?.span ?? null);
    lane.stack.push({ span, cls, method });
    return span;
  }

  /** The innermost open call of `lane` returns. */
  ret(lane: Lane): void {
    const top = lane.stack.pop();
    if (top === undefined) throw new Error('ret: no open call');
    this.#push(lane, { kind: 'return', method: top.method, cls: top.cls }, top.span, lane.stack.at(-1)?.span ?? null);
  }

  /** The innermost open call of `lane` raises. */
  raise(lane: Lane, excType: string, message: string): void {
    const top = lane.stack.pop();
    if (top === undefined) throw new Error('raise: no open call');
    const draft: EventDraft = { kind: 'exception', method: top.method, cls: top.cls, exc_type: excType, message };
    this.#push(lane, draft, top.span, lane.stack.at(-1)?.span ?? null);
  }

  /** A semantic event inside the innermost open call of `lane`. */
  event(lane: Lane, draft: EventDraft): void {
    this.#push(lane, draft, lane.stack.at(-1)?.span ?? null, lane.stack.at(-2)?.span ?? null);
  }

  /** The span ids reserved so far (a forked child's spans must not collide). */
  get lastSpan(): number {
    return this.#span;
  }

  #push(lane: Lane, draft: EventDraft, span: number | null, parentSpan: number | null): void {
    this.#t += 1000;
    const base = { seq: this.events.length + 1, t_ns: this.#t, pid: lane.pid, tid: lane.tid, thread: lane.thread, span, parent_span: parentSpan };
    this.events.push({ ...base, ...draft });
  }
}

/** The events of a trace file as its JSON Lines text (header first). */
export function traceText(header: TraceHeader, events: readonly TraceEvent[]): string {
  return [header, ...events].map((line) => `${JSON.stringify(line)}\n`).join('');
}
