/**
 * Synthetic trace events for the runtime's tests: no sockets, no server, just well-formed
 * events with increasing `seq` and fresh span ids.
 */
import type { CallEvent, EventDraft, ExceptionEvent, ReturnEvent, TraceEvent } from '@sockscope/core';

/** Where an event happens; anything left out takes the factory's defaults (pid 1000, tid 1, `MainThread`). */
export interface Where {
  readonly pid?: number;
  readonly tid?: number;
  readonly thread?: string;
  readonly span?: number | null;
  readonly parent_span?: number | null;
  /** Forces a seq (to test ordering); otherwise the next one. */
  readonly seq?: number;
}

/** Makes events the way a trace session stamps them. */
export class FakeTrace {
  #seq = 0;
  #span = 0;

  /** Stamps any draft, e.g. `trace.event({ kind: 'thread_exit' }, { tid: 2 })`. */
  event(draft: EventDraft, where: Where = {}): TraceEvent {
    const seq = where.seq ?? ++this.#seq;
    return {
      seq,
      t_ns: seq * 1000,
      pid: where.pid ?? 1000,
      tid: where.tid ?? 1,
      thread: where.thread ?? 'MainThread',
      span: where.span ?? null,
      parent_span: where.parent_span ?? null,
      ...draft,
    };
  }

  /** A `call` of `cls.method` with a fresh span. */
  call(method: string, cls = 'BaseServer', where: Where = {}): CallEvent {
    const span = where.span ?? ++this.#span;
    return this.event({ kind: 'call', method, cls, self_cls: 'TCPServer' }, { ...where, span }) as CallEvent;
  }

  /** The `return` that ends `call`, in its thread and span. */
  ret(call: CallEvent): ReturnEvent {
    return this.event({ kind: 'return', method: call.method, cls: call.cls }, this.#of(call)) as ReturnEvent;
  }

  /** The `exception` that ends `call`. */
  raise(call: CallEvent, exc_type = 'ValueError'): ExceptionEvent {
    const draft: EventDraft = { kind: 'exception', method: call.method, cls: call.cls, exc_type, message: 'boom' };
    return this.event(draft, this.#of(call)) as ExceptionEvent;
  }

  /** A plain `recv` event (a handy holdable event with no method). */
  recv(where: Where = {}): TraceEvent {
    return this.event({ kind: 'recv', fd: 5, nbytes: 1, preview: "b'x'" }, where);
  }

  #of(call: CallEvent): Where {
    return { pid: call.pid, tid: call.tid, thread: call.thread, span: call.span, parent_span: call.parent_span };
  }
}
