/**
 * The HTTP side of the runtime: the web app's files (the built `apps/web/dist`, or a small
 * status page until it exists) and recording downloads. socket.io shares the same port.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { STATUS_PAGE } from './status-page.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Where a recording's file is, or null if there is no such recording. */
export type RecordingLookup = (name: string) => string | null;

/** Builds the request handler for the runtime's HTTP server. */
export function httpHandler(webRoot: string, recordingPath: RecordingLookup) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    const download = /^\/recordings\/([A-Za-z0-9._-]{1,90})$/.exec(url.pathname);
    if (download) {
      const path = recordingPath(download[1] as string);
      if (!path) return send(res, 404, 'text/plain', 'no such recording');
      res.writeHead(200, {
        'content-type': TYPES['.jsonl'] as string,
        'content-disposition': `attachment; filename="${(download[1] as string).replace(/(\.jsonl)?$/, '.jsonl')}"`,
      });
      createReadStream(path).pipe(res);
      return;
    }
    serveStatic(webRoot, url.pathname, res);
  };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return send(res, 200, TYPES['.html'] as string, STATUS_PAGE);
  const wanted = normalize(join(root, decodeURIComponent(pathname)));
  // Never serve outside the web root; unknown paths get the app (client-side routes).
  const inside = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile();
  const file = inside ? wanted : index;
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
