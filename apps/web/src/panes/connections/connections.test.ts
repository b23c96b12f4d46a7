import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../model/examples.fixture.js';
import { buildConnections, connectionsAt, parseBytesLiteral, toHex } from './connections.js';

const summary = (name: string) => {
  const model = exampleModel(name);
  const conns = buildConnections(model);
  return { model, conns };
};
const dirs = (c: ReturnType<typeof buildConnections>[number]) => c.transfers.map((t) => t.dir);

describe('PANE-CONN-1 bytes literals: text and hex', () => {
  it('parses the escapes Python\'s repr(bytes) writes', () => {
    expect(parseBytesLiteral("b'hello 1\\n'")).toEqual({ bytes: [...Buffer.from('hello 1\n')], truncated: false });
    expect(parseBytesLiteral(`b"it's"`)?.bytes).toEqual([...Buffer.from("it's")]);
    expect(parseBytesLiteral("b'\\x00\\xff\\\\\\t\\r\\''")?.bytes).toEqual([0, 255, 92, 9, 13, 39]);
    expect(parseBytesLiteral("b'abc'...")).toEqual({ bytes: [97, 98, 99], truncated: true });
    expect(parseBytesLiteral('not bytes')).toBeNull();
    expect(toHex([0x68, 0x0a, 0])).toBe('68 0a 00');
  });
});

describe('PANE-CONN-2 stream connections, from accept to close', () => {
  it('ThreadingTCPServer: 3 connections, each 1 recv + 1 send, each served by its own request thread', () => {
    const { model, conns } = summary('ThreadingTCPServer');
    expect(conns).toHaveLength(3);
    for (const c of conns) {
      expect(c.kind).toBe('stream');
      expect(dirs(c)).toEqual(['in', 'out']);
      expect(c.transfers[0]?.preview).toBe(c.transfers[1]?.preview);
      expect(c.servedBy).toHaveLength(1);
      expect(model.lanes.get(c.servedBy[0] ?? '')?.role).toBe('worker');
      expect(c.closedIndex).not.toBeNull();
      expect(c.life.map((l) => l.kind)).toEqual(['accept', 'socket_shutdown', 'close']);
      expect(c.client?.lane).toMatch(/:\d+$/);
    }
    expect(new Set(conns.map((c) => c.servedBy[0])).size).toBe(3);
    expect(conns.map((c) => c.transfers[0]?.preview)).toEqual(["b'hello 1\\n'", "b'hello 2\\n'", "b'hello 3\\n'"]);
    expect(conns[0]?.transfers[0]?.hex).toBe('68 65 6c 6c 6f 20 31 0a');
  });

  it('TCPServer and bad-base-order: the loop thread serves every connection itself', () => {
    for (const name of ['TCPServer', 'bad-base-order']) {
      const { model, conns } = summary(name);
      expect(conns).toHaveLength(3);
      expect(conns.every((c) => c.servedBy.length === 1 && model.lanes.get(c.servedBy[0] ?? '')?.role === 'loop')).toBe(true);
    }
  });

  it('ForkingTCPServer: fd 28 reused three times; each connection served in its child under the child\'s fd', () => {
    const { model, conns } = summary('ForkingTCPServer');
    expect(conns).toHaveLength(3);
    expect(conns.map((c) => c.id)).toEqual(['3879:28#0', '3879:28#1', '3879:28#2']);
    for (const c of conns) {
      expect(dirs(c)).toEqual(['in', 'out']);
      expect(c.child?.pid).not.toBe(c.pid);
      expect(c.transfers.every((t) => t.pid === c.child?.pid && t.fd === c.child.fd)).toBe(true);
      expect(model.lanes.get(c.servedBy[0] ?? '')?.role).toBe('child');
      // The parent closes its copy right after the fork; the connection lives on in the child.
      const parentClose = c.life.find((l) => l.kind === 'close' && l.pid === c.pid);
      expect(parentClose).toBeDefined();
      expect(c.closedIndex).toBeGreaterThan(parentClose?.index ?? Infinity);
    }
    expect(conns.map((c) => c.transfers[0]?.preview)).toEqual(["b'hello 1\\n'", "b'hello 2\\n'", "b'hello 3\\n'"]);
  });

  it('crash-handler: the crashed request received but never answered', () => {
    const { conns } = summary('crash-handler');
    expect(conns.map(dirs)).toEqual([['in', 'out'], ['in'], ['in', 'out']]);
  });
});

describe('PANE-CONN-3 datagram servers group by peer address', () => {
  it('UDPServer: 3 peers, each 1 datagram in and 1 out on the server socket', () => {
    const { conns } = summary('UDPServer');
    expect(conns).toHaveLength(3);
    for (const c of conns) {
      expect(c.kind).toBe('datagram');
      expect(dirs(c)).toEqual(['in', 'out']);
      expect(Array.isArray(c.peer) && c.peer[0]).toBe('127.0.0.1');
      expect(c.client).toBeNull();
    }
    expect(conns.map((c) => c.transfers[0]?.preview)).toEqual(["b'datagram 1'", "b'datagram 2'", "b'datagram 3'"]);
  });
});

describe('PANE-CONN-4 at the cursor', () => {
  it('only what has happened: connections accepted and bytes moved by then', () => {
    const { model, conns } = summary('ThreadingTCPServer');
    const firstRecv = model.events.findIndex((e) => e.kind === 'recv' && !e.thread.startsWith('client'));
    const at = connectionsAt(conns, firstRecv);
    expect(at.length).toBeGreaterThanOrEqual(2);
    expect(at[0]?.transfers).toHaveLength(1);
    expect(at[0]).toMatchObject({ current: true, status: 'open', bytesIn: 8, bytesOut: 0 });
    const end = connectionsAt(conns, model.length - 1);
    expect(end.every((c) => c.status === 'closed' && c.bytesIn === 8 && c.bytesOut === 8)).toBe(true);
    expect(connectionsAt(conns, 0)).toEqual([]);
  });
});
