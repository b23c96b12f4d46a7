import { readFileSync } from 'node:fs';
import { parseTraceFile } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../model/examples.fixture.js';
import { traceHeader, traceJsonl, safeFileName } from './download.js';
import { fetchExamples, fetchTrace, readTraceFile } from './trace-file.js';

const text = readFileSync(new URL('../../public/examples/TCPServer.jsonl', import.meta.url), 'utf8');
const asFile = (name: string, body: string) => ({ name, size: body.length, text: () => Promise.resolve(body) });

describe('WEB-FILE-1 opening a trace file says what is wrong and where', () => {
  it('a good file opens', async () => {
    const load = await readTraceFile(asFile('TCPServer.jsonl', text));
    expect(load.ok && load.file.events.length).toBeGreaterThan(100);
  });

  it('a bad line is reported by its number, with the file name', async () => {
    const lines = text.split('\n');
    lines[6] = '{"seq": "seven"}';
    const load = await readTraceFile(asFile('broken.jsonl', lines.join('\n')));
    expect(load).toMatchObject({ ok: false, name: 'broken.jsonl' });
    expect(!load.ok && load.error).toMatch(/^line 7: /);
  });

  it('not a trace at all, and an empty file, are clear errors', async () => {
    const notTrace = await readTraceFile(asFile('notes.txt', 'hello\n'));
    expect(!notTrace.ok && notTrace.error).toMatch(/^line 1: the header is not JSON/);
    const empty = await readTraceFile(asFile('empty.jsonl', ''));
    expect(!empty.ok && empty.error).toMatch(/empty file/);
  });

  it('a file too large is refused before it is read', async () => {
    const load = await readTraceFile({ name: 'huge.jsonl', size: 300 * 1024 * 1024, text: () => Promise.reject(new Error('read')) });
    expect(!load.ok && load.error).toMatch(/largest trace/);
  });

  it('a URL that fails says which and how', async () => {
    const notFound = (() => Promise.resolve(new Response('nope', { status: 404, statusText: 'Not Found' }))) as typeof fetch;
    const load = await fetchTrace('examples/missing.jsonl', notFound);
    expect(load).toEqual({ ok: false, name: 'missing.jsonl', error: 'could not fetch examples/missing.jsonl: HTTP 404 Not Found' });
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchTrace('x.jsonl', offline)).toMatchObject({ ok: false, error: 'could not fetch x.jsonl (Failed to fetch)' });
  });

  it('the bundled examples list reads, and a broken one is empty', async () => {
    const index = readFileSync(new URL('../../public/examples/index.json', import.meta.url), 'utf8');
    const ok = (() => Promise.resolve(new Response(index))) as typeof fetch;
    const list = await fetchExamples('examples/index.json', ok);
    expect(list.examples[0]?.file).toBe('ThreadingTCPServer.jsonl');
    const bad = (() => Promise.resolve(new Response('{}'))) as typeof fetch;
    expect(await fetchExamples('examples/index.json', bad)).toEqual({ examples: [], error: 'examples/index.json: not a list' });
  });
});

describe('WEB-FILE-2 a saved trace reopens as the same trace', () => {
  it('header + events as JSON Lines parse back to the same events', () => {
    const file = exampleFile('ThreadingTCPServer');
    const header = traceHeader(file.header, file.header.scenario, new Date('2026-01-02T03:04:05Z'));
    const parsed = parseTraceFile(traceJsonl(header, file.events));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.events).toEqual(file.events);
    expect(parsed.file.header.mro).toEqual(file.header.mro);
    expect(parsed.file.header.created_at).toBe('2026-01-02T03:04:05.000Z');
  });

  it('file names are safe', () => {
    expect(safeFileName('lab-1 ThreadingTCPServer', '.jsonl')).toBe('lab-1-ThreadingTCPServer.jsonl');
    expect(safeFileName('../../etc/passwd', '.jsonl')).toBe('etc-passwd.jsonl');
    expect(safeFileName('examples/TCPServer.jsonl'.split('/').pop() ?? '', '.chrome.json')).toBe('TCPServer.chrome.json');
  });
});
