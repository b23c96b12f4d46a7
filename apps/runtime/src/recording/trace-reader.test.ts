import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleHeader, TraceBuilder, traceText } from './trace-builder.fixture.js';
import { parseTraceFile, readTraceFile } from './trace-reader.js';

function sample(): { text: string; events: TraceBuilder['events'] } {
  const b = new TraceBuilder();
  const main = b.lane(100, 1, 'MainThread');
  b.call(main, 'TCPServer.server_bind');
  b.event(main, { kind: 'listen', fd: 3, backlog: 5 });
  b.ret(main);
  return { text: traceText(sampleHeader(), b.events), events: b.events };
}

function errorOf(text: string): string {
  const parsed = parseTraceFile(text);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('REC-READ-1 a valid file parses to its header and events', () => {
  it('parses every line; a final newline is optional', () => {
    const { text, events } = sample();
    expect(parseTraceFile(text)).toEqual({ ok: true, file: { header: sampleHeader(), events, truncated: false } });
    const noFinalNewline = parseTraceFile(text.slice(0, -1));
    expect(noFinalNewline.ok && noFinalNewline.file).toMatchObject({ events, truncated: false });
  });

  it('a header alone is a trace with no events', () => {
    const parsed = parseTraceFile(traceText(sampleHeader(), []));
    expect(parsed.ok && parsed.file.events).toEqual([]);
  });

  it('readTraceFile reads from disk and reports a missing file as an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-reader-'));
    try {
      writeFileSync(join(dir, 't.jsonl'), sample().text);
      expect((await readTraceFile(join(dir, 't.jsonl'))).ok).toBe(true);
      expect(await readTraceFile(join(dir, 'missing.jsonl'))).toMatchObject({ ok: false, error: expect.stringMatching(/^cannot read .*missing\.jsonl/) as unknown });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('REC-READ-2 a last line cut short by a killed writer is dropped', () => {
  it('keeps every complete event and says truncated', () => {
    const { text, events } = sample();
    const lastLine = `${JSON.stringify(events.at(-1))}\n`;
    const killed = text.slice(0, text.length - lastLine.length) + lastLine.slice(0, 25);
    const parsed = parseTraceFile(killed);
    expect(parsed).toEqual({ ok: true, file: { header: sampleHeader(), events: events.slice(0, -1), truncated: true } });
  });

  it('a cut line anywhere but last is an error', () => {
    const { text } = sample();
    const lines = text.split('\n');
    lines[2] = (lines[2] ?? '').slice(0, 20);
    expect(errorOf(lines.join('\n'))).toMatch(/^line 3: not JSON/);
  });

  it('a cut last line that was terminated is an error (the newline proves it was whole)', () => {
    const { text } = sample();
    expect(errorOf(`${text}{"seq":4,"t_ns"\n`)).toMatch(/^line 5: not JSON/);
  });

  it('a cut header is an error, not an empty trace', () => {
    expect(errorOf(JSON.stringify(sampleHeader()).slice(0, 30))).toBe('line 1: the header line is cut short');
  });
});

describe('REC-READ-3 a bad header is reported on line 1', () => {
  const withHeader = (header: unknown): string => `${JSON.stringify(header)}\n`;
  it.each([
    [{ ...sampleHeader(), format: 'other' }, /^line 1: not a sockscope trace \(format is "other"/],
    [{ ...sampleHeader(), version: 2 }, /^line 1: unsupported trace file version 2/],
    [{ ...sampleHeader(), schema_version: 99 }, /^line 1: unsupported event schema version 99/],
    [{ ...sampleHeader(), server_class: undefined }, /^line 1: header field "server_class" is missing/],
    [{ ...sampleHeader(), mro: 'ThreadingTCPServer' }, /^line 1: header field "mro" should be a list of strings/],
    [{ ...sampleHeader(), backend: 'pypy' }, /^line 1: header field "backend" should be "core" or "cpython"/],
    [[1, 2], /^line 1: the header must be a JSON object/],
  ])('%j', (header, message) => {
    expect(errorOf(withHeader(header))).toMatch(message);
  });

  it('a header that is not JSON', () => {
    expect(errorOf('hello\n')).toMatch(/^line 1: the header is not JSON/);
  });
});

describe('REC-READ-4 every event line is checked, and reported by its line number', () => {
  it('names the line and the field', () => {
    const { text } = sample();
    const lines = text.split('\n');
    lines[2] = (lines[2] ?? '').replace('"fd":3', '"fd":"three"');
    expect(errorOf(lines.join('\n'))).toBe('line 3: listen event: field "fd" is invalid ("three")');
  });

  it('an unknown kind, a non-object, an empty line', () => {
    const { text } = sample();
    const header = text.split('\n')[0] ?? '';
    expect(errorOf(`${header}\n{"kind":"teleport"}\n`)).toBe('line 2: unknown event kind "teleport"');
    expect(errorOf(`${header}\n[1]\n`)).toBe('line 2: an event must be a JSON object');
    expect(errorOf(`${header}\n\n`)).toBe('line 2: empty line');
  });

  it('seq must increase: a repeated or reordered line is damage', () => {
    const { text } = sample();
    const lines = text.split('\n');
    [lines[1], lines[2]] = [lines[2] ?? '', lines[1] ?? ''];
    expect(errorOf(lines.join('\n'))).toBe('line 3: seq 1 does not follow seq 2');
  });
});

describe('REC-READ-5 an empty file is a clear error', () => {
  it('says the header is missing', () => {
    expect(errorOf('')).toMatch(/^empty file/);
  });
});
