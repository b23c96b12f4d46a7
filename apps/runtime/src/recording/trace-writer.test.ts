import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordThreadedEcho } from './echo-lab.fixture.js';
import { sampleHeader, TraceBuilder } from './trace-builder.fixture.js';
import { parseTraceFile } from './trace-reader.js';
import { TraceWriter } from './trace-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sockscope-writer-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function someEvents(count: number): TraceBuilder {
  const b = new TraceBuilder();
  const main = b.lane(100, 1, 'MainThread');
  for (let i = 0; i < count; i++) {
    b.call(main, 'BaseServer.verify_request');
    b.ret(main);
  }
  return b;
}

describe('REC-WRITE-1 a trace file is the header line, then one event per line', () => {
  it('round-trips a real ThreadingTCPServer run through the writer and the reader', async () => {
    const run = await recordThreadedEcho(2);
    const path = join(dir, 'run.jsonl');
    const writer = new TraceWriter(path, run.header);
    writer.append(run.events.slice(0, 10));
    writer.append(run.events.slice(10));
    writer.close();

    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')).toHaveLength(run.events.length + 2); // header + events + final ''
    expect(writer.events).toBe(run.events.length);
    expect(writer.bytes).toBe(Buffer.byteLength(text));
    const parsed = parseTraceFile(text);
    expect(parsed).toEqual({ ok: true, file: { header: run.header, events: run.events, truncated: false } });
  });

  it('writes the header at once, before any event', () => {
    const path = join(dir, 'empty.jsonl');
    const writer = new TraceWriter(path, sampleHeader());
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(sampleHeader())}\n`);
    writer.close();
  });
});

describe('REC-WRITE-2 each batch is written at once, so a kill loses at most that batch', () => {
  it('every appended batch is on disk before append returns', () => {
    const b = someEvents(3);
    const path = join(dir, 'live.jsonl');
    const writer = new TraceWriter(path, sampleHeader());
    writer.append(b.events.slice(0, 2));
    // Read while the writer is still open, as a crash would leave it.
    const parsed = parseTraceFile(readFileSync(path, 'utf8'));
    expect(parsed.ok && parsed.file.events).toEqual(b.events.slice(0, 2));
    writer.close();
  });
});

describe('REC-WRITE-3 the writer stops at maxBytes and says it is full', () => {
  it('writes only whole lines that fit, then drops the rest', () => {
    const b = someEvents(50);
    const headerBytes = Buffer.byteLength(`${JSON.stringify(sampleHeader())}\n`);
    const path = join(dir, 'full.jsonl');
    const writer = new TraceWriter(path, sampleHeader(), { maxBytes: headerBytes + 1000 });
    const written = writer.append(b.events);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(b.events.length);
    expect(writer.full).toBe(true);
    expect(writer.append(b.events.slice(0, 1))).toBe(0);
    writer.close();

    expect(writer.bytes).toBeLessThanOrEqual(headerBytes + 1000);
    const parsed = parseTraceFile(readFileSync(path, 'utf8'));
    expect(parsed.ok && parsed.file.events).toEqual(b.events.slice(0, written));
  });
});

describe('REC-WRITE-4 a writer never clobbers a file and refuses to write once closed', () => {
  it('an existing file is an error unless overwrite is asked for', () => {
    const path = join(dir, 'taken.jsonl');
    writeFileSync(path, 'precious');
    expect(() => new TraceWriter(path, sampleHeader())).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    new TraceWriter(path, sampleHeader(), { overwrite: true }).close();
    expect(readFileSync(path, 'utf8')).toContain('sockscope-trace');
  });

  it('append after close throws; close twice is fine', () => {
    const writer = new TraceWriter(join(dir, 'closed.jsonl'), sampleHeader());
    writer.close();
    writer.close();
    expect(writer.closed).toBe(true);
    expect(() => writer.append(someEvents(1).events)).toThrow(/closed/);
  });
});
