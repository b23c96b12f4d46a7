import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChromeTrace } from '../export/chrome-check.js';
import type { ChromeTrace } from '../export/chrome-format.js';
import { recordThreadedEcho } from '../recording/echo-lab.fixture.js';
import { sampleHeader, TraceBuilder, traceText } from '../recording/trace-builder.fixture.js';
import { captureCliOutput, type Captured } from './capture.fixture.js';
import { defaultOutput, exportChromeCommand } from './export-chrome.js';

let dir: string;
let io: Captured;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sockscope-cli-export-'));
  io = captureCliOutput();
});
afterEach(() => {
  io.restore();
  rmSync(dir, { recursive: true, force: true });
});

function pollingTrace(): string {
  const b = new TraceBuilder();
  const loop = b.lane(100, 2, 'Thread-1 (serve_forever)');
  b.call(loop, 'BaseServer.serve_forever');
  b.event(loop, { kind: 'select_wait', timeout: 0.5 });
  b.event(loop, { kind: 'select_timeout' });
  b.ret(loop);
  return traceText(sampleHeader(), b.events);
}

const readChrome = (path: string): ChromeTrace => JSON.parse(readFileSync(path, 'utf8')) as ChromeTrace;

describe('CLI-EXPORT-1 export-chrome writes a Chrome trace file', () => {
  it('a real run, to --out, opens as valid JSON with nested slices', async () => {
    const run = await recordThreadedEcho(2);
    const input = join(dir, 'run.jsonl');
    writeFileSync(input, traceText(run.header, run.events));
    const output = join(dir, 'chrome.json');
    expect(await exportChromeCommand([input, '--out', output])).toBe(0);
    const trace = readChrome(output);
    expect(checkChromeTrace(trace)).toEqual([]);
    expect(trace.otherData).toMatchObject({ server_class: 'ThreadingTCPServer', events: run.events.length });
    expect(io.stdout()).toMatch(new RegExp(`^wrote ${output.replace(/[.\\]/g, '\\$&')}: \\d+ trace events from ${run.events.length} events`));
  });

  it('by default writes next to the trace, .jsonl → .json', async () => {
    const input = join(dir, 'loop.jsonl');
    writeFileSync(input, pollingTrace());
    expect(await exportChromeCommand([input])).toBe(0);
    expect(existsSync(join(dir, 'loop.json'))).toBe(true);
    expect(defaultOutput('x.jsonl')).toBe('x.json');
    expect(defaultOutput('trace')).toBe('trace.json');
  });

  it('--polling keeps the selector polling; --out - writes JSON to stdout', async () => {
    const input = join(dir, 'loop.jsonl');
    writeFileSync(input, pollingTrace());
    expect(await exportChromeCommand([input, '--out', '-', '--polling'])).toBe(0);
    const trace = JSON.parse(io.stdout()) as ChromeTrace;
    expect(trace.traceEvents.filter((e) => e.ph === 'i').map((e) => e.name)).toEqual(['select_wait', 'select_timeout']);
    expect(io.stderr()).toBe('');
  });

  it('a cut last line is dropped with a note', async () => {
    const input = join(dir, 'cut.jsonl');
    writeFileSync(input, `${pollingTrace()}{"seq":5`);
    expect(await exportChromeCommand([input, '-o', join(dir, 'cut.json')])).toBe(0);
    expect(io.stdout()).toMatch(/^note: the last line of .*cut\.jsonl was cut short and was dropped\nwrote /);
  });
});

describe('CLI-EXPORT-2 bad input fails with status 1, bad usage with 2', () => {
  it('an invalid trace: error with its line, no output file', async () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, `${pollingTrace()}{"kind":"nope"}\n`);
    expect(await exportChromeCommand([input])).toBe(1);
    expect(io.stderr()).toBe('error: line 6: unknown event kind "nope"\n');
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
  });

  it('an output that cannot be written', async () => {
    const input = join(dir, 'loop.jsonl');
    writeFileSync(input, pollingTrace());
    expect(await exportChromeCommand([input, '--out', join(dir, 'no', 'such', 'dir.json')])).toBe(1);
    expect(io.stderr()).toMatch(/^error: cannot write .*dir\.json: ENOENT/);
  });

  it.each([[[]], [['a.jsonl', 'b.jsonl']], [['a.jsonl', '--out']], [['x', '--out', 'x']]])('%j', async (argv) => {
    expect(await exportChromeCommand(argv)).toBe(2);
    expect(io.stderr()).toMatch(/^sockscope export-chrome: .+\n\nusage: sockscope export-chrome/);
  });

  it('--help', async () => {
    expect(await exportChromeCommand(['-h'])).toBe(0);
    expect(io.stdout()).toMatch(/^usage: sockscope export-chrome TRACE\.jsonl/);
  });
});
