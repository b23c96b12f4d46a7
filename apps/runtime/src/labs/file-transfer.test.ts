import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Socket, SocketReader, socket as sock } from '@sockscope/core';
import { Lab } from './lab.js';
import { sandboxed } from './handlers.js';

/** A file-transfer client: one command, then the reply line (and payload). */
class FileClient {
  readonly sock = new Socket();
  readonly reader = new SocketReader(this.sock);

  async connect(address: Parameters<Socket['connect']>[0]): Promise<void> {
    this.sock.settimeout(20);
    await this.sock.connect(address);
  }

  async put(name: string, data: Buffer): Promise<string> {
    await this.sock.sendall(Buffer.concat([Buffer.from(`put ${name} ${data.length}\n`), data]));
    return (await this.reader.readline()).toString();
  }

  async get(name: string): Promise<{ line: string; data: Buffer }> {
    await this.sock.sendall(Buffer.from(`get ${name}\n`));
    const line = (await this.reader.readline()).toString();
    const size = /^ok (\d+)/.exec(line)?.[1];
    return { line, data: size === undefined ? Buffer.alloc(0) : await this.reader.read(Number(size)) };
  }

  async list(): Promise<string[]> {
    await this.sock.sendall(Buffer.from('list\n'));
    const count = Number(/^ok (\d+)/.exec((await this.reader.readline()).toString())?.[1] ?? -1);
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push((await this.reader.readline()).toString().trim());
    return names;
  }

  close(): void {
    this.sock.shutdown(sock.SHUT_WR);
    this.sock.close();
  }
}

describe('LAB-FILE-1 the file-transfer lab serves many clients at once, byte for byte', () => {
  it('ten concurrent clients each upload and download a different file', async () => {
    const lab = await Lab.create('ft', { server: 'ThreadingTCPServer', handler: 'file_transfer', options: { poll_interval: 0.02 } });
    lab.run();
    const files = Array.from({ length: 10 }, (_, i) => ({ name: `file-${i}.bin`, data: randomBytes(50_000 + i * 7919) }));
    const results = await Promise.all(
      files.map(async ({ name, data }) => {
        const client = new FileClient();
        await client.connect(lab.server.server_address);
        const put = await client.put(name, data);
        const got = await client.get(name);
        client.close();
        return { put, got, name, data };
      }),
    );
    for (const { put, got, name, data } of results) {
      expect(put).toBe(`ok ${name} ${data.length}\n`);
      expect(got.line).toBe(`ok ${data.length}\n`);
      expect(got.data.equals(data)).toBe(true);
    }
    const lister = new FileClient();
    await lister.connect(lab.server.server_address);
    expect((await lister.list()).length).toBe(10);
    lister.close();
    await lab.close();
  });

  it('refuses names that would leave the sandbox', async () => {
    const lab = await Lab.create('ft2', { server: 'TCPServer', handler: 'file_transfer', options: { poll_interval: 0.02 } });
    lab.run();
    const client = new FileClient();
    await client.connect(lab.server.server_address);
    expect(await client.put('../escape.txt', Buffer.from('no'))).toBe('error refused name ../escape.txt\n');
    expect((await client.get('../../etc/passwd')).line).toBe('error refused name ../../etc/passwd\n');
    expect((await client.get('missing.txt')).line).toBe('error no such file missing.txt\n');
    client.close();
    await lab.close();
    expect(sandboxed('/tmp/box', '..')).toBeNull();
    expect(sandboxed('/tmp/box', 'a/b')).toBeNull();
    expect(sandboxed('/tmp/box', 'ok.txt')).toBe('/tmp/box/ok.txt');
  });
});
