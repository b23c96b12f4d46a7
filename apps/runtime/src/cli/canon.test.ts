import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleHeader, TraceBuilder, traceText } from '../recording/trace-builder.fixture.js';
import { captureCliOutput, type Captured } from './capture.fixture.js';
import { canonCommand } from './canon.js';
import { COMMANDS } from './main.js';

let dir: string;
let io: Captured;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sockscope-cli-canon-'));
  io = captureCliOutput();
});
afterEach(() => {
  io.restore();
  rmSync(dir, { recursive: true, force: true });
});

/** A small loop run: `idle` idle iterations, then a request that raises `excType` if given. */
function loopTrace(name: string, options: { idle?: number; pid?: number; excType?: string } = {}): string {
  const b = new TraceBuilder();
  const main = b.lane(options.pid ?? 100, 1, 'MainThread');
  b.call(main, 'BaseServer.serve_forever');
  for (let i = 0; i < (options.idle ?? 1); i++) {
    b.event(main, { kind: 'select_timeout' });
    b.call(main, 'BaseServer.service_actions');
    b.ret(main);
  }
  b.event(main, { kind: 'select_ready', fd: 3 });
  b.call(main, 'BaseServer._handle_request_noblock');
  if (options.excType === undefined) b.ret(main);
  else b.raise(main, options.excType, 'boom');
  b.event(main, { kind: 'select_timeout' });
  b.ret(main);
  const path = join(dir, name);
  writeFileSync(path, traceText(sampleHeader(), b.events));
  return path;
}

describe('CLI-CANON-1 prints the canonical form of a trace, status 0', () => {
  it('the classes, then each thread by role', async () => {
    expect(await canonCommand([loopTrace('run.jsonl')])).toBe(0);
    expect(io.stdout()).toMatch(/^server ThreadingTCPServer\n {2}mro: ThreadingTCPServer, ThreadingMixIn, /);
    expect(io.stdout()).toContain('thread main\n  BaseServer.serve_forever\n    select: ready\n    BaseServer._handle_request_noblock\n    (idle)\n');
    expect(io.stdout().endsWith('\n')).toBe(true);
    expect(io.stderr()).toBe('');
  });

  it('is one of the tool\'s commands', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('canon');
  });
});

describe('CLI-CANON-2 --diff OTHER: identical forms exit 0, different forms print a unified diff and exit 1', () => {
  it('runs that differ only in timing, pids and idle polling are identical', async () => {
    const a = loopTrace('a.jsonl', { idle: 1 });
    const b = loopTrace('b.jsonl', { idle: 5, pid: 4321 });
    expect(await canonCommand([a, '--diff', b])).toBe(0);
    expect(io.stdout()).toBe(`identical: the canonical forms of ${a} and ${b} are the same\n`);
  });

  it('a different outcome is a diff', async () => {
    const a = loopTrace('a.jsonl');
    const b = loopTrace('b.jsonl', { excType: 'OSError' });
    expect(await canonCommand([a, '-d', b])).toBe(1);
    expect(io.stdout()).toMatch(/^--- .*a\.jsonl\n\+\+\+ .*b\.jsonl\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(io.stdout()).toContain('-    BaseServer._handle_request_noblock\n+    BaseServer._handle_request_noblock !OSError\n');
  });
});

describe('CLI-CANON-3 bad files fail with status 1, bad usage with 2; --help', () => {
  it('a missing file, an invalid trace, on either side of --diff', async () => {
    const good = loopTrace('good.jsonl');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"format":"nope"}\n');
    expect(await canonCommand([join(dir, 'missing.jsonl')])).toBe(1);
    expect(await canonCommand([bad])).toBe(1);
    expect(await canonCommand([good, '--diff', join(dir, 'missing.jsonl')])).toBe(1);
    expect(io.stderr()).toMatch(/^error: cannot read .*missing\.jsonl.*\nerror: line 1: .*\nerror: cannot read .*missing\.jsonl/s);
    expect(io.stdout()).toBe('');
  });

  it('--help prints the usage on stdout', async () => {
    expect(await canonCommand(['--help'])).toBe(0);
    expect(io.stdout()).toMatch(/^usage: sockscope canon TRACE\.jsonl \[--diff OTHER\.jsonl\]\n/);
  });

  it.each([[[]], [['a.jsonl', 'b.jsonl']], [['--frob', 'a.jsonl']], [['a.jsonl', '--diff']]])('%j', async (argv) => {
    expect(await canonCommand(argv)).toBe(2);
    expect(io.stderr()).toMatch(/^sockscope canon: .+\n\nusage: sockscope canon/);
  });
});
