/**
 * Client connections as the server saw them, rebuilt from the trace: each accepted
 * connection (or, for a datagram server, each peer address) with the bytes it received and
 * sent, and the threads or processes that served it.
 *
 * - A stream connection starts at an `accept` (its `conn_fd`, its `client_address`) and is the
 *   target of every recv/send/socket_shutdown/close on that fd in that process until it is
 *   closed there. File descriptors are reused after a close, so a connection is keyed by
 *   pid + fd + generation.
 * - ForkingMixIn hands the connection to a child: its `fork` comes right after the accept in the
 *   same lane, and the child uses the socket under its own fd, so everything the child process
 *   receives or sends belongs to that connection.
 * - A datagram server has no connections: its recvfrom/sendto carry a `peer`, and the
 *   datagrams are grouped by peer address.
 * - The scripted clients' own sockets (client lanes) are not the server's; a client is linked
 *   to the connection whose client address is its local address.
 */
import type { SockAddr, TraceEvent } from '@sockscope/core/trace';
import type { TraceModel } from '../../model/trace-model.js';
import { addressKey } from '../pane-common.js';

/** Bytes received (`in`) or sent (`out`) by the server on a connection. */
export interface Transfer {
  readonly index: number;
  readonly seq: number;
  readonly dir: 'in' | 'out';
  readonly nbytes: number;
  /** The Python bytes literal the trace carries, e.g. `b'hello\n'`. */
  readonly preview: string;
  /** The preview's bytes in hex, `68 65 6c 6c 6f 0a`. */
  readonly hex: string;
  /** True when the preview shows only the first bytes. */
  readonly truncated: boolean;
  readonly lane: string;
  readonly pid: number;
  readonly fd: number;
}

/** A moment in a connection's life other than bytes. */
export interface LifeEvent {
  readonly index: number;
  readonly kind: 'accept' | 'fork' | 'socket_shutdown' | 'close' | 'datagram';
  readonly lane: string;
  readonly pid: number;
  readonly fd: number;
}

/** One client connection (or one datagram peer). */
export interface Connection {
  /** `pid:fd#generation` for a stream, `peer:<address>` for datagrams. */
  readonly id: string;
  readonly kind: 'stream' | 'datagram';
  /** The client's address. */
  readonly peer: SockAddr;
  /** The server process and fd that accepted it (datagrams: the server socket's). */
  readonly pid: number;
  readonly fd: number;
  /** How many connections that pid:fd had before this one. */
  readonly generation: number;
  /** The accept (or first datagram). */
  readonly openIndex: number;
  readonly transfers: Transfer[];
  readonly life: LifeEvent[];
  /** When the last process holding it closed it; null while it is open. */
  closedIndex: number | null;
  /** The lanes that received or sent on it, in order of first use. */
  readonly servedBy: string[];
  /** The forked child it was handed to, and the child's fd for it. */
  child: { readonly pid: number; fd: number | null } | null;
  /** The scripted client's lane and fd, when the client's local address matches. */
  client: { readonly lane: string; readonly fd: number } | null;
}

/** Parses a Python bytes literal (`b'hi\n'`, `b"it's"`, with a trailing `...` when cut). */
export function parseBytesLiteral(literal: string): { readonly bytes: number[]; readonly truncated: boolean } | null {
  const m = /^b(['"])([\s\S]*)\1(\.\.\.)?$/.exec(literal);
  if (!m) return null;
  const body = m[2] ?? '';
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[++i] ?? '';
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, '0': 0 };
    if (next === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next in simple) {
      bytes.push(simple[next] ?? 0);
    } else {
      bytes.push(92, next.charCodeAt(0) & 0xff);
    }
  }
  return { bytes, truncated: m[3] !== undefined };
}

/** Bytes as lower-case hex pairs separated by spaces. */
export function toHex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

type Io = Extract<TraceEvent, { kind: 'recv' | 'send' }>;

/** Rebuilds the connections from the whole model. */
export function buildConnections(model: TraceModel): Connection[] {
  const conns: Connection[] = [];
  const open = new Map<string, Connection>(); // `${pid}:${fd}` → the connection open on it
  const generations = new Map<string, number>();
  const holders = new Map<Connection, Set<number>>(); // pids holding a connection open
  const lastAccept = new Map<string, Connection>(); // lane → its latest accepted connection
  const handed = new Map<number, Connection>(); // child pid → the connection it serves
  const byPeer = new Map<string, Connection>();
  const clients = new Map<string, { lane: string; fd: number }>(); // client local address → client

  const newConn = (e: TraceEvent, index: number, kind: Connection['kind'], peer: SockAddr, fd: number, id?: string): Connection => {
    const key = `${e.pid}:${fd}`;
    const generation = kind === 'stream' ? (generations.get(key) ?? 0) : 0;
    if (kind === 'stream') generations.set(key, generation + 1);
    const conn: Connection = {
      id: id ?? `${key}#${generation}`,
      kind,
      peer,
      pid: e.pid,
      fd,
      generation,
      openIndex: index,
      transfers: [],
      life: [],
      closedIndex: null,
      servedBy: [],
      child: null,
      client: null,
    };
    conns.push(conn);
    return conn;
  };

  const addTransfer = (conn: Connection, e: Io, index: number, lane: string) => {
    const parsed = parseBytesLiteral(e.preview);
    conn.transfers.push({
      index,
      seq: e.seq,
      dir: e.kind === 'recv' ? 'in' : 'out',
      nbytes: e.nbytes,
      preview: e.preview,
      hex: parsed ? toHex(parsed.bytes) : '',
      truncated: parsed?.truncated ?? false,
      lane,
      pid: e.pid,
      fd: e.fd,
    });
    if (!conn.servedBy.includes(lane)) conn.servedBy.push(lane);
  };

  model.events.forEach((e, index) => {
    const lane = `${e.pid}:${e.tid}`;
    if (model.lanes.get(lane)?.role === 'client') {
      if (e.kind === 'connect') clients.set(addressKey(e.local_address), { lane, fd: e.fd });
      return;
    }
    switch (e.kind) {
      case 'accept': {
        const conn = newConn(e, index, 'stream', e.client_address, e.conn_fd);
        conn.life.push({ index, kind: 'accept', lane, pid: e.pid, fd: e.conn_fd });
        open.set(`${e.pid}:${e.conn_fd}`, conn);
        holders.set(conn, new Set([e.pid]));
        lastAccept.set(lane, conn);
        break;
      }
      case 'fork': {
        const conn = lastAccept.get(lane);
        if (conn?.closedIndex !== null) break;
        conn.child = { pid: e.child_pid, fd: null };
        conn.life.push({ index, kind: 'fork', lane, pid: e.pid, fd: conn.fd });
        handed.set(e.child_pid, conn);
        holders.get(conn)?.add(e.child_pid);
        break;
      }
      case 'recv':
      case 'send': {
        if (e.peer !== undefined) {
          const key = addressKey(e.peer);
          let conn = byPeer.get(key);
          if (!conn) {
            conn = newConn(e, index, 'datagram', e.peer, e.fd, `peer:${key}`);
            conn.life.push({ index, kind: 'datagram', lane, pid: e.pid, fd: e.fd });
            byPeer.set(key, conn);
          }
          addTransfer(conn, e, index, lane);
          break;
        }
        const conn = connectionFor(e.pid, e.fd, open, handed);
        if (conn) {
          if (conn.child?.pid === e.pid) conn.child.fd ??= e.fd;
          addTransfer(conn, e, index, lane);
        } else {
          // Bytes on a connection accepted before the trace (or the window) began.
          const orphan = newConn(e, index, 'stream', null, e.fd);
          open.set(`${e.pid}:${e.fd}`, orphan);
          holders.set(orphan, new Set([e.pid]));
          addTransfer(orphan, e, index, lane);
        }
        break;
      }
      case 'socket_shutdown':
      case 'close': {
        if (e.kind === 'close' && e.role === 'server') break;
        const conn = connectionFor(e.pid, e.fd, open, handed);
        if (!conn) break;
        if (conn.child?.pid === e.pid) conn.child.fd ??= e.fd;
        conn.life.push({ index, kind: e.kind, lane, pid: e.pid, fd: e.fd });
        if (e.kind === 'close') {
          open.delete(`${e.pid}:${e.fd}`);
          if (handed.get(e.pid) === conn) handed.delete(e.pid);
          const held = holders.get(conn);
          held?.delete(e.pid);
          if (!held || held.size === 0) conn.closedIndex = index;
        }
        break;
      }
      case 'child_exit': {
        // A child that exits without closing still lets go of the connection.
        const conn = handed.get(e.pid);
        if (!conn) break;
        handed.delete(e.pid);
        const held = holders.get(conn);
        held?.delete(e.pid);
        if (held?.size === 0 && conn.closedIndex === null) conn.closedIndex = index;
        break;
      }
      default:
        break;
    }
  });
  for (const conn of conns) conn.client = conn.kind === 'stream' ? (clients.get(addressKey(conn.peer)) ?? null) : null;
  return conns;
}

function connectionFor(
  pid: number,
  fd: number,
  open: ReadonlyMap<string, Connection>,
  handed: ReadonlyMap<number, Connection>,
): Connection | undefined {
  return open.get(`${pid}:${fd}`) ?? handed.get(pid);
}

/** A connection as it stands at the cursor. */
export interface ConnectionAt {
  readonly conn: Connection;
  /** The transfers up to the cursor. */
  readonly transfers: readonly Transfer[];
  readonly status: 'open' | 'closed';
  /** True when the cursor's event is one of this connection's. */
  readonly current: boolean;
  /** Bytes in and out up to the cursor. */
  readonly bytesIn: number;
  readonly bytesOut: number;
}

/** The connections opened by the cursor, each cut at the cursor. */
export function connectionsAt(conns: readonly Connection[], index: number): ConnectionAt[] {
  return conns
    .filter((c) => c.openIndex <= index)
    .map((conn) => {
      const transfers = conn.transfers.filter((t) => t.index <= index);
      let bytesIn = 0;
      let bytesOut = 0;
      for (const t of transfers) {
        if (t.dir === 'in') bytesIn += t.nbytes;
        else bytesOut += t.nbytes;
      }
      return {
        conn,
        transfers,
        status: conn.closedIndex !== null && conn.closedIndex <= index ? 'closed' : 'open',
        current: conn.transfers.some((t) => t.index === index) || conn.life.some((l) => l.index === index),
        bytesIn,
        bytesOut,
      };
    });
}
