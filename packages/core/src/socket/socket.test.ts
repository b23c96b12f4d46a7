import { describe, expect, it } from 'vitest';
import { BlockingIOError, TimeoutError } from '../python/exceptions.js';
import { AF_INET6, SOCK_DGRAM } from './constants.js';
import { Socket } from './socket.js';

async function pair(): Promise<{ listener: Socket; client: Socket; conn: Socket }> {
  const listener = new Socket();
  await listener.bind(['127.0.0.1', 0]);
  await listener.listen(1);
  const client = new Socket();
  await client.connect(listener.getsockname());
  const [conn] = await listener.accept();
  return { listener, client, conn };
}

describe('SOCK-1 a Python-like socket over Node', () => {
  it('bind/listen/accept/connect, sendall/recv, getsockname/getpeername, fileno and close', async () => {
    const { listener, client, conn } = await pair();
    expect(conn.getpeername()).toEqual(client.getsockname());
    expect(client.getpeername()).toEqual(listener.getsockname());
    expect(conn.fileno()).toBeGreaterThan(2);
    await client.sendall(Buffer.from('hello world'));
    expect((await conn.recv(5)).toString()).toBe('hello');
    expect((await conn.recv(100)).toString()).toBe(' world');
    client.close();
    expect((await conn.recv(100)).length).toBe(0); // EOF
    expect(client.fileno()).toBe(-1);
    conn.close();
    listener.close();
  });

  it('recvfrom/sendto over UDP, and IPv6 loopback addresses as 4-tuples', async () => {
    const server = new Socket(AF_INET6, SOCK_DGRAM);
    await server.bind(['::1', 0]);
    const client = new Socket(AF_INET6, SOCK_DGRAM);
    expect(await client.sendto(Buffer.from('ping'), server.getsockname())).toBe(4);
    const [data, from] = await server.recvfrom(1024);
    expect(data.toString()).toBe('ping');
    expect(from).toEqual(['::1', expect.any(Number), 0, 0]);
    await server.sendto(Buffer.from('pong'), from);
    expect((await client.recvfrom(1024))[0].toString()).toBe('pong');
    client.close();
    server.close();
  });
});

describe('SOCK-2 timeouts: settimeout raises TimeoutError, non-blocking raises BlockingIOError', () => {
  it('recv on a silent connection', async () => {
    const { listener, client, conn } = await pair();
    conn.settimeout(0.05);
    expect(conn.gettimeout()).toBe(0.05);
    await expect(conn.recv(10)).rejects.toBeInstanceOf(TimeoutError);
    await expect(conn.recv(10)).rejects.toThrow('timed out');
    conn.setblocking(false);
    await expect(conn.recv(10)).rejects.toBeInstanceOf(BlockingIOError);
    for (const s of [client, conn, listener]) s.close();
  });
});
