import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingError, RecordingStore } from './store.js';
import { sampleHeader, TraceBuilder } from './trace-builder.fixture.js';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sockscope-store-'));
  dir = join(root, 'recordings');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function events(count: number): TraceBuilder['events'] {
  const b = new TraceBuilder();
  const main = b.lane(100, 1, 'MainThread');
  for (let i = 0; i < count; i++) b.event(main, { kind: 'select_timeout' });
  return b.events;
}

describe('REC-STORE-1 recording names are plain file names inside the folder', () => {
  it.each(['../x', 'a/b', '', '..', '.hidden', 'a\\b', 'x'.repeat(81), 'sp ace', '/etc/passwd', 'é'])('refuses %j', (name) => {
    const store = new RecordingStore(dir);
    expect(() => store.create(name, sampleHeader())).toThrow(RecordingError);
    expect(() => store.path(name)).toThrow(/invalid recording name/);
    expect(() => store.remove(name)).toThrow(RecordingError);
    expect(readdirSync(root)).toEqual(['recordings']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('adds .jsonl, and accepts the name with or without it', () => {
    const store = new RecordingStore(dir);
    store.create('run-1.A_b', sampleHeader()).close();
    expect(readdirSync(dir)).toEqual(['run-1.A_b.jsonl']);
    expect(store.path('run-1.A_b')).toBe(store.path('run-1.A_b.jsonl'));
    expect(store.path('run-1.A_b')).toBe(join(dir, 'run-1.A_b.jsonl'));
  });

  it('without a name, makes one from the time and the server class; never reuses one', () => {
    const store = new RecordingStore(dir);
    const a = store.create(undefined, sampleHeader({ server_class: 'My Server<1>' }));
    const b = store.create(undefined, sampleHeader({ server_class: 'My Server<1>' }));
    a.close();
    b.close();
    expect(a.path).not.toBe(b.path);
    for (const info of store.list()) expect(info.name).toMatch(/^[\dT-]+Z-My_Server_1_(-2)?$/);
  });

  it('refuses to replace an existing recording', () => {
    const store = new RecordingStore(dir);
    store.create('same', sampleHeader()).close();
    expect(() => store.create('same', sampleHeader())).toThrow(/already exists/);
  });
});

describe('REC-STORE-2 list() describes every recording from its header and content', () => {
  it('server class, events, bytes, created_at, lab, complete, backend', () => {
    const store = new RecordingStore(dir);
    const live = store.create('live', sampleHeader({ created_at: '2024-01-02T00:00:00.000Z' }), { lab: 'lab-1' });
    live.append(events(3));
    const done = store.create('done', sampleHeader({ server_class: 'TCPServer', created_at: '2024-01-01T00:00:00.000Z' }));
    done.append(events(2));
    done.close();

    expect(store.list()).toEqual([
      { name: 'done', lab: null, server_class: 'TCPServer', events: 2, bytes: done.bytes, created_at: '2024-01-01T00:00:00.000Z', complete: true, backend: 'core' },
      { name: 'live', lab: 'lab-1', server_class: 'ThreadingTCPServer', events: 3, bytes: live.bytes, created_at: '2024-01-02T00:00:00.000Z', complete: true, backend: 'core' },
    ]);
    // The listing follows the file as it grows.
    live.append(events(4).slice(3));
    expect(store.list().find((i) => i.name === 'live')?.events).toBe(4);
    live.close();
  });

  it('a file cut mid-line is listed as incomplete, its whole events counted', () => {
    const store = new RecordingStore(dir);
    const writer = store.create('killed', sampleHeader());
    writer.append(events(2));
    writer.close();
    appendFileSync(writer.path, '{"seq":3,"t_ns":');
    expect(store.list()).toMatchObject([{ name: 'killed', events: 2, complete: false }]);
  });

  it('lists files with a bad header too (so they can be removed), and ignores other files', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'junk.jsonl'), 'not a trace\n');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    mkdirSync(join(dir, 'folder.jsonl'));
    const store = new RecordingStore(dir);
    expect(store.list()).toMatchObject([{ name: 'junk', server_class: '(invalid header)', complete: false }]);
    store.remove('junk');
    expect(store.list()).toEqual([]);
  });
});

describe('REC-STORE-3 read() checks a whole recording; remove() deletes one that is finished', () => {
  it('reads what was written', async () => {
    const store = new RecordingStore(dir);
    const writer = store.create('r', sampleHeader());
    writer.append(events(5));
    writer.close();
    const parsed = await store.read('r');
    expect(parsed.ok && parsed.file.events).toEqual(events(5));
    expect(await store.read('nope')).toEqual({ ok: false, error: 'no recording named "nope"' });
    expect(await store.read('../etc')).toMatchObject({ ok: false, error: expect.stringMatching(/invalid recording name/) as unknown });
  });

  it('refuses to remove a recording still being written, or one that does not exist', () => {
    const store = new RecordingStore(dir);
    const writer = store.create('busy', sampleHeader());
    expect(() => store.remove('busy')).toThrow(/still being written/);
    writer.close();
    store.remove('busy.jsonl');
    expect(readdirSync(dir)).toEqual([]);
    expect(() => store.remove('busy')).toThrow(/no recording named "busy"/);
  });
});

describe('REC-STORE-4 the store is bounded in count and in size', () => {
  it('refuses a recording beyond maxRecordings', () => {
    const store = new RecordingStore(dir, { maxRecordings: 2 });
    store.create('a', sampleHeader()).close();
    store.create('b', sampleHeader()).close();
    expect(() => store.create('c', sampleHeader())).toThrow(/holds 2 recordings \(the limit is 2\)/);
    store.remove('a');
    store.create('c', sampleHeader()).close();
  });

  it('a writer from the store stops at maxBytes', () => {
    const store = new RecordingStore(dir, { maxBytes: 2000 });
    const writer = store.create('big', sampleHeader());
    writer.append(events(100));
    writer.close();
    expect(writer.full).toBe(true);
    expect(store.list()).toMatchObject([{ name: 'big', complete: true }]);
    expect(store.list()[0]?.bytes).toBeLessThanOrEqual(2000);
  });
});
