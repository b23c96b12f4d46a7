/**
 * Starting the runtime: one HTTP server on one port serves the web app and socket.io;
 * the hub runs the labs. Loopback by default.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setStderr, type ClientToServerEvents, type ServerToClientEvents } from '@sockscope/core';
import { Server } from 'socket.io';
import { RecordingStore } from '../recording/store.js';
import { newPresenterToken } from './auth.js';
import { httpHandler } from './http.js';
import { LabHub } from './lab-hub.js';
import { attachSocketApi } from './socket-api.js';

/** Where and how to start. */
export interface RuntimeOptions {
  readonly host?: string;
  readonly port?: number;
  readonly recordingsDir: string;
  readonly webRoot: string;
  /** A fixed presenter token (tests); a fresh random one by default. */
  readonly token?: string;
}

/** A started runtime. */
export interface Runtime {
  readonly url: string;
  readonly presenterUrl: string;
  readonly token: string;
  readonly hub: LabHub;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the runtime and resolves once it listens. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const token = options.token ?? newPresenterToken();
  const recordings = new RecordingStore(options.recordingsDir);
  const http = createServer(httpHandler(options.webRoot, (name) => {
    try {
      const path = recordings.path(name);
      return existsSync(path) ? path : null;
    } catch {
      return null;
    }
  }));
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { maxHttpBufferSize: 1_000_000, serveClient: true });
  const hub = new LabHub(recordings, {
    lab: (summary) => io.emit('lab', summary),
    stepState: (lab, state) => io.emit('step_state', { lab, state }),
    recordings: (list) => io.emit('recordings', list),
  });
  // Labs' stderr (tracebacks) travels in their traces; the terminal stays quiet.
  setStderr({ write: () => undefined });
  attachSocketApi(io, hub, token);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  return {
    url,
    presenterUrl: `${url}?token=${token}`,
    token,
    hub,
    port,
    async close() {
      await hub.closeAll();
      await io.close();
      http.closeAllConnections();
    },
  };
}
