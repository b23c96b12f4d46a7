import { describe, expect, it } from 'vitest';
import { ForkingTCPServer } from '../socketserver/classes.js';
import { TCPServer } from '../socketserver/tcp-server.js';
import { ThreadingMixIn } from '../socketserver/threading-mixin.js';
import { CrashHandler } from '../testing/handlers.js';
import { captureStderr, serveInThread, streamExchange } from '../testing/harness.js';
import { imageSettled, modulesOf } from './child-image.js';
import { classRef, composeClass } from './class-ref.js';
import { StartedFromHandler } from './image.fixture.js';

const LOOPBACK = ['127.0.0.1', 0] as const;

describe('FORK-6 once the first fork has happened, children start from a bundled image of the server\'s modules', () => {
  it('the first children start through tsx, the later ones from the image, and serve alike', async () => {
    const server = await ForkingTCPServer.create(LOOPBACK, StartedFromHandler);
    const serving = serveInThread(server);
    const started: string[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        started.push(await streamExchange(server.server_address, 'how?'));
        if (i === 0) await imageSettled();
      }
    } finally {
      await serving.stop();
    }
    // Request 1 and its warm spare (request 2) were started before the image existed.
    expect(started[0]).toMatch(/^child-main\.ts --import /);
    expect(started.at(-1)).toMatch(/^[0-9a-f]{20}\.mjs --enable-source-maps$/);
  });

  it('a child started from the image prints a traceback that names the TypeScript files', async () => {
    const stderr = captureStderr();
    const server = await ForkingTCPServer.create(LOOPBACK, CrashHandler);
    const serving = serveInThread(server);
    try {
      await streamExchange(server.server_address, 'hello');
      await imageSettled();
      await streamExchange(server.server_address, 'hello');
      await streamExchange(server.server_address, 'crash please');
    } finally {
      await serving.stop();
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/File ".*\/src\/testing\/handlers\.ts", line \d+, in handle/);
    expect(stderr.text()).toContain('ValueError: bad payload crash please');
  });

  it('the modules of a class composed from bases are those of its bases', () => {
    const cls = composeClass('MyServer', [ThreadingMixIn, TCPServer]);
    expect(modulesOf(classRef(cls)).map((m) => m.replace(/^.*\/src\//, ''))).toEqual([
      'socketserver/threading-mixin.ts',
      'socketserver/tcp-server.ts',
    ]);
  });
});
