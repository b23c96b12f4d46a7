/**
 * Test support for the canonical form: small hand-made traces. Threads are lanes; calls nest
 * per lane; every event gets the next seq and a time 1 µs later.
 */
import type { CanonHeader } from './canon.js';
import type { EventDraft, TraceEvent } from './schema.js';

/** A thread of a hand-made trace, with its open calls (innermost last). */
export interface Lane {
  readonly pid: number;
  readonly tid: number;
  readonly thread: string;
  readonly stack: Array<{ readonly span: number; readonly cls: string; readonly method: string }>;
}

/** The classes of a ThreadingTCPServer echo lab, as a header gives them. */
export const HEADER: CanonHeader = {
  server_class: 'ThreadingTCPServer',
  mro: ['ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object'],
  resolution: { serve_forever: 'BaseServer', process_request: 'ThreadingMixIn', __init__: 'TCPServer' },
  handler_class: 'EchoHandler',
  handler_mro: ['EchoHandler', 'BaseRequestHandler', 'object'],
  handler_resolution: { setup: 'BaseRequestHandler', handle: 'EchoHandler' },
};

/** Builds a trace event by event. */
export class EventList {
  readonly events: TraceEvent[] = [];
  #span = 0;

  lane(pid: number, tid: number, thread: string): Lane {
    return { pid, tid, thread, stack: [] };
  }

  /** `Class.method` is called in `lane`. */
  call(lane: Lane, qualified: string): this {
    const [cls = '', method = ''] = qualified.split('.');
    const span = ++this.#span;
    this.#push(lane, { kind: 'call', method, cls, self_cls: cls }, span);
    lane.stack.push({ span, cls, method });
    return this;
  }

  /** The innermost open call returns (or raises `excType`). */
  ret(lane: Lane, excType?: string): this {
    const top = lane.stack.pop();
    if (top === undefined) throw new Error('ret: no open call');
    const { cls, method } = top;
    const draft: EventDraft =
      excType === undefined ? { kind: 'return', cls, method } : { kind: 'exception', cls, method, exc_type: excType, message: 'boom' };
    this.#push(lane, draft, top.span);
    return this;
  }

  /** A semantic event in the innermost open call of `lane`. */
  mark(lane: Lane, draft: EventDraft): this {
    this.#push(lane, draft, lane.stack.at(-1)?.span ?? null);
    return this;
  }

  /** `Class.method` called and returned at once. */
  leaf(lane: Lane, qualified: string): this {
    return this.call(lane, qualified).ret(lane);
  }

  #push(lane: Lane, draft: EventDraft, span: number | null): void {
    const seq = this.events.length + 1;
    const base = { seq, t_ns: seq * 1000, pid: lane.pid, tid: lane.tid, thread: lane.thread, span, parent_span: null };
    this.events.push({ ...base, ...draft });
  }
}
