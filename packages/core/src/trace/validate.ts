/**
 * A runtime validator for trace events, for data that crosses a process or file boundary
 * (a trace file, a socket.io message, a forked child's IPC).
 */
import type { TraceEvent, TraceEventKind } from './schema.js';

/** The result of validating one value. */
export type Validation = { readonly ok: true; readonly event: TraceEvent } | { readonly ok: false; readonly error: string };

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => typeof v === 'number' && Number.isInteger(v);
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const nullable = (c: Check): Check => (v) => v === null || c(v);
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const addr: Check = (v) =>
  v === null ||
  typeof v === 'string' ||
  (Array.isArray(v) &&
    (v.length === 2 || v.length === 4) &&
    typeof v[0] === 'string' &&
    v.slice(1).every((x) => int(x)));

const base: Record<string, Check> = {
  seq: int,
  t_ns: num,
  pid: int,
  tid: int,
  thread: str,
  span: nullable(int),
  parent_span: nullable(int),
  src_line: optional(int),
};

const method = { method: str, cls: str };

/** The fields of each kind beyond the base ones. */
const FIELDS: Record<TraceEventKind, Record<string, Check>> = {
  call: { ...method, self_cls: str, src_file: optional(str) },
  return: method,
  exception: { ...method, exc_type: str, message: str },
  bind: {
    fd: int,
    family: oneOf('AF_INET', 'AF_INET6', 'AF_UNIX'),
    socket_type: oneOf('SOCK_STREAM', 'SOCK_DGRAM'),
    requested: addr,
    address: addr,
  },
  listen: { fd: int, backlog: int },
  select_wait: { timeout: nullable(num) },
  select_ready: { fd: int },
  select_timeout: {},
  accept: { fd: int, conn_fd: int, client_address: addr },
  connect: { fd: int, address: addr, local_address: addr },
  recv: { fd: int, nbytes: int, preview: str, peer: optional(addr) },
  send: { fd: int, nbytes: int, preview: str, peer: optional(addr) },
  socket_shutdown: { fd: int, how: oneOf('SHUT_RD', 'SHUT_WR', 'SHUT_RDWR') },
  close: { fd: int, role: oneOf('server', 'connection', 'client') },
  thread_spawn: { child_tid: int, child_name: str, daemon: bool },
  thread_start: { daemon: bool },
  thread_exit: {},
  thread_join: { joined_tid: int, joined_name: str },
  fork: { child_pid: int },
  child_start: { parent_pid: int },
  child_exit: { status: int },
  reap: { child_pid: int, status: int },
  node_difference: { rule: str, text: str },
  stderr: { text: str },
};

/** The kinds of event the schema knows. */
export const TRACE_EVENT_KINDS = Object.keys(FIELDS) as TraceEventKind[];

type FieldCheck = readonly [field: string, check: Check];

// Each kind's whole list of checks, built once: a million-event file is validated event by
// event, and merging the base and kind fields per event was most of the cost.
const CHECKS = new Map<string, readonly FieldCheck[]>(
  TRACE_EVENT_KINDS.map((kind) => [kind, Object.entries({ ...base, ...FIELDS[kind] })]),
);

/** Checks that `value` is a well-formed trace event; on failure, says which field is wrong. */
export function validateEvent(value: unknown): Validation {
  const error = eventError(value);
  return error === null ? { ok: true, event: value as TraceEvent } : { ok: false, error };
}

/**
 * What is wrong with `value` as a trace event, or null when it is one. The allocation-free
 * form of `validateEvent`, for files of a million events.
 */
export function eventError(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an event must be a JSON object';
  const record = value as Record<string, unknown>;
  const kind = record['kind'];
  const checks = typeof kind === 'string' ? CHECKS.get(kind) : undefined;
  if (typeof kind !== 'string' || checks === undefined) return `unknown event kind ${JSON.stringify(kind)}`;
  for (const [field, check] of checks) {
    if (!check(record[field])) return `${kind} event: field "${field}" is ${describe(record[field])}`;
  }
  return null;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v);
  return `invalid (${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}
