import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleHeader, TraceBuilder, traceText } from '../recording/trace-builder.fixture.js';
import { captureCliOutput, type Captured } from './capture.fixture.js';
import { validateCommand } from './validate.js';

let dir: string;
let io: Captured;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sockscope-cli-validate-'));
  io = captureCliOutput();
});
afterEach(() => {
  io.restore();
  rmSync(dir, { recursive: true, force: true });
});

function writeTrace(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function goodText(): string {
  const b = new TraceBuilder();
  const main = b.lane(100, 1, 'MainThread');
  b.call(main, 'TCPServer.server_activate');
  b.event(main, { kind: 'listen', fd: 3, backlog: 5 });
  b.ret(main);
  return traceText(sampleHeader(), b.events);
}

describe('CLI-VALIDATE-1 a valid trace: "ok: N events, header: CLASS", status 0', () => {
  it('prints the count and the server class', async () => {
    expect(await validateCommand([writeTrace('t.jsonl', goodText())])).toBe(0);
    expect(io.stdout()).toBe('ok: 3 events, header: ThreadingTCPServer\n');
    expect(io.stderr()).toBe('');
  });

  it('says when a cut last line was dropped', async () => {
    const path = writeTrace('cut.jsonl', `${goodText()}{"seq":4,"t_`);
    expect(await validateCommand([path])).toBe(0);
    expect(io.stdout()).toBe('ok: 3 events, header: ThreadingTCPServer, truncated last line dropped\n');
  });
});

describe('CLI-VALIDATE-2 an invalid trace: "error: line N: ...", status 1', () => {
  it('names the bad line', async () => {
    const path = writeTrace('bad.jsonl', goodText().replace('"backlog":5', '"backlog":null'));
    expect(await validateCommand([path])).toBe(1);
    expect(io.stderr()).toBe('error: line 3: listen event: field "backlog" is invalid (null)\n');
    expect(io.stdout()).toBe('');
  });

  it('an empty or missing file', async () => {
    expect(await validateCommand([writeTrace('empty.jsonl', '')])).toBe(1);
    expect(await validateCommand([join(dir, 'missing.jsonl')])).toBe(1);
    expect(io.stderr()).toMatch(/^error: empty file.*\nerror: cannot read .*missing\.jsonl/s);
  });
});

describe('CLI-VALIDATE-3 --help, and usage errors with status 2', () => {
  it('--help prints the usage on stdout', async () => {
    expect(await validateCommand(['--help'])).toBe(0);
    expect(io.stdout()).toMatch(/^usage: sockscope validate TRACE\.jsonl\n/);
  });

  it.each([[[]], [['a.jsonl', 'b.jsonl']], [['--frob', 'a.jsonl']]])('%j', async (argv) => {
    expect(await validateCommand(argv)).toBe(2);
    expect(io.stderr()).toMatch(/^sockscope validate: .+\n\nusage: sockscope validate/);
  });
});
