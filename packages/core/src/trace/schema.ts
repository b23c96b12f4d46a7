/**
 * The trace event schema: every method call and every semantic moment of a socketserver
 * run, as one discriminated union on `kind`. Shared by the runtime and the web app.
 */

/** The schema version; a trace file's header names it. */
export const TRACE_SCHEMA_VERSION = 1;

/**
 * A socket address as Python shows it: `[host, port]` for IPv4, `[host, port, flowinfo, scope_id]`
 * for IPv6, a path for Unix sockets (`''` for an unnamed stream peer), `null` for an unbound
 * Unix datagram peer.
 */
export type SockAddr =
  | readonly [string, number]
  | readonly [string, number, number, number]
  | string
  | null;

/** Which implementation produced a trace: this port or the real CPython module. */
export type Backend = 'core' | 'cpython';

/** Fields every event carries. */
export interface EventBase {
  /** Order of arrival in the trace, from 1, without gaps. */
  readonly seq: number;
  /** Monotonic time in nanoseconds since the trace's epoch (shared by forked children). */
  readonly t_ns: number;
  /** The OS process id: the server's, or a forked child's. */
  readonly pid: number;
  /** The logical thread's id, unique within its process. */
  readonly tid: number;
  /** The Python thread name, e.g. `MainThread`, `Thread-2 (process_request_thread)`. */
  readonly thread: string;
  /** The call span the event belongs to (for `call`/`return`/`exception`, the call itself); null outside any call. */
  readonly span: number | null;
  /** The span that encloses `span`; null at a thread's root. */
  readonly parent_span: number | null;
  /**
   * CPython backend only: the source line running in the innermost traced method when the
   * event happened (for a `call`, the method's `def` line). The port leaves it out.
   */
  readonly src_line?: number;
}

/** A method of a socketserver class or request handler was called. */
export interface CallEvent extends EventBase {
  readonly kind: 'call';
  /** The Python method name, e.g. `process_request`. */
  readonly method: string;
  /** The class whose implementation runs, e.g. `ThreadingMixIn`. */
  readonly cls: string;
  /** The class of `self`, e.g. `ThreadingTCPServer`. */
  readonly self_cls: string;
  /** CPython backend only: the module whose source defines the method (`socketserver`, `sockscope_cpython.labs`). */
  readonly src_file?: string;
}

/** A call returned normally. */
export interface ReturnEvent extends EventBase {
  readonly kind: 'return';
  readonly method: string;
  readonly cls: string;
}

/** A call ended by raising; Python's profiler sees this as a return with an exception set. */
export interface ExceptionEvent extends EventBase {
  readonly kind: 'exception';
  readonly method: string;
  readonly cls: string;
  /** The Python exception class name, e.g. `ValueError`. */
  readonly exc_type: string;
  readonly message: string;
}

/** A socket was bound. */
export interface BindEvent extends EventBase {
  readonly kind: 'bind';
  readonly fd: number;
  readonly family: 'AF_INET' | 'AF_INET6' | 'AF_UNIX';
  readonly socket_type: 'SOCK_STREAM' | 'SOCK_DGRAM';
  /** The address asked for. */
  readonly requested: SockAddr;
  /** The address really bound (port 0 becomes the real port). */
  readonly address: SockAddr;
}

/** A stream socket started listening. */
export interface ListenEvent extends EventBase {
  readonly kind: 'listen';
  readonly fd: number;
  readonly backlog: number;
}

/** The selector started waiting for a readable socket. */
export interface SelectWaitEvent extends EventBase {
  readonly kind: 'select_wait';
  /** Seconds, or null to wait for ever. */
  readonly timeout: number | null;
}

/** The selector found a socket ready to read. */
export interface SelectReadyEvent extends EventBase {
  readonly kind: 'select_ready';
  readonly fd: number;
}

/** The selector's wait ran out with nothing ready. */
export interface SelectTimeoutEvent extends EventBase {
  readonly kind: 'select_timeout';
}

/** A listening socket accepted a connection. */
export interface AcceptEvent extends EventBase {
  readonly kind: 'accept';
  readonly fd: number;
  /** The new connection's fd. */
  readonly conn_fd: number;
  readonly client_address: SockAddr;
}

/** A client socket connected to a server. */
export interface ConnectEvent extends EventBase {
  readonly kind: 'connect';
  readonly fd: number;
  readonly address: SockAddr;
  readonly local_address: SockAddr;
}

/** Bytes arrived (`recv`, `recvfrom`, a read on `rfile`). */
export interface RecvEvent extends EventBase {
  readonly kind: 'recv';
  readonly fd: number;
  readonly nbytes: number;
  /** The first bytes as a Python bytes literal, e.g. `b'hello\n'`. */
  readonly preview: string;
  /** For datagrams: the sender. */
  readonly peer?: SockAddr;
}

/** Bytes left (`send`, `sendall`, `sendto`, a write on `wfile`). */
export interface SendEvent extends EventBase {
  readonly kind: 'send';
  readonly fd: number;
  readonly nbytes: number;
  readonly preview: string;
  /** For datagrams: the destination. */
  readonly peer?: SockAddr;
}

/** `socket.shutdown(how)` on a connection. */
export interface SocketShutdownEvent extends EventBase {
  readonly kind: 'socket_shutdown';
  readonly fd: number;
  readonly how: 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR';
}

/** A socket was closed. */
export interface CloseEvent extends EventBase {
  readonly kind: 'close';
  readonly fd: number;
  /** What it was: the listening/bound server socket, a connection, or a client. */
  readonly role: 'server' | 'connection' | 'client';
}

/** A thread started another one. Emitted in the starting thread. */
export interface ThreadSpawnEvent extends EventBase {
  readonly kind: 'thread_spawn';
  readonly child_tid: number;
  readonly child_name: string;
  readonly daemon: boolean;
}

/** The first event of a new thread. */
export interface ThreadStartEvent extends EventBase {
  readonly kind: 'thread_start';
  readonly daemon: boolean;
}

/** A thread's target returned (or raised); the last event of the thread. */
export interface ThreadExitEvent extends EventBase {
  readonly kind: 'thread_exit';
}

/** A thread waited for another to finish (`Thread.join`); emitted when the wait ends. */
export interface ThreadJoinEvent extends EventBase {
  readonly kind: 'thread_join';
  readonly joined_tid: number;
  readonly joined_name: string;
}

/** The server forked a child process for a request. Emitted in the parent. */
export interface ForkEvent extends EventBase {
  readonly kind: 'fork';
  readonly child_pid: number;
}

/** The first event of a forked child: it now runs the request. */
export interface ChildStartEvent extends EventBase {
  readonly kind: 'child_start';
  readonly parent_pid: number;
}

/** A forked child called `os._exit(status)`. Emitted by the child. */
export interface ChildExitEvent extends EventBase {
  readonly kind: 'child_exit';
  readonly status: number;
}

/** The parent reaped a child with `waitpid` (`collect_children`). */
export interface ReapEvent extends EventBase {
  readonly kind: 'reap';
  readonly child_pid: number;
  readonly status: number;
}

/**
 * A place where Node cannot do what CPython does; the text says what differs, so the
 * trace never pretends.
 */
export interface NodeDifferenceEvent extends EventBase {
  readonly kind: 'node_difference';
  /** A rule id in packages/core/SPEC.md, e.g. `NODE-REUSEADDR`. */
  readonly rule: string;
  readonly text: string;
}

/** A line written to `sys.stderr` (e.g. `handle_error`'s traceback). */
export interface StderrEvent extends EventBase {
  readonly kind: 'stderr';
  readonly text: string;
}

/** Every trace event. Narrow on `kind`. */
export type TraceEvent =
  | CallEvent
  | ReturnEvent
  | ExceptionEvent
  | BindEvent
  | ListenEvent
  | SelectWaitEvent
  | SelectReadyEvent
  | SelectTimeoutEvent
  | AcceptEvent
  | ConnectEvent
  | RecvEvent
  | SendEvent
  | SocketShutdownEvent
  | CloseEvent
  | ThreadSpawnEvent
  | ThreadStartEvent
  | ThreadExitEvent
  | ThreadJoinEvent
  | ForkEvent
  | ChildStartEvent
  | ChildExitEvent
  | ReapEvent
  | NodeDifferenceEvent
  | StderrEvent;

/** Every `kind` of event. */
export type TraceEventKind = TraceEvent['kind'];

/** The event of one kind. */
export type TraceEventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the session stamps the fields every event carries. */
export type EventDraft = DistributiveOmit<TraceEvent, keyof EventBase>;
