/**
 * Part 3 of issue 6 — the timeline at scale: synthetic valid traces of 10k, 100k and 1M
 * events (a ThreadingTCPServer, a loop thread and 8 workers with nested call spans; see
 * `browser/synthetic-trace.ts`) are opened in the Replay mode of the web app (served by the
 * runtime) in headless Chromium through its file input, as a user would. Measured: the time
 * to the first paint of the trace, the frame rate during ~3 s of scripted pan and zoom on
 * the canvas, and the page's JS heap.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { atLeast, atMost, framesPerSecond, longestFrameMs, unmeasured } from '../browser/measure.js';
import { browserMissing, launchChromium, newPage, nextPaint, startWebRuntime } from '../browser/chromium.js';
import { PROBE_SCRIPT, type ProbeData } from '../browser/page-probe.js';
import { writeSyntheticTrace } from '../browser/synthetic-trace.js';
import { fmtNum, type Table } from '../lib/format.js';
import type { Suite, SuiteContext, SuiteResult } from '../lib/suite.js';
import type { TargetCheck } from '../lib/targets.js';

const NAME = 'timeline';
const TARGET_OPEN_S = 3;
const TARGET_FPS = 50;
const BIG = 1_000_000;
const PAN_ZOOM_MS = 3000;

/** One trace opened. */
export interface TimelineRun {
  readonly events: number;
  readonly fileMiB: number;
  /** Seconds from setInputFiles to the frame after the trace showed; null if it never did. */
  readonly openSeconds: number | null;
  readonly fps: number | null;
  readonly longestFrameMs: number | null;
  readonly heapMiB: number | null;
  readonly error: string | null;
}

const TEXT = {
  open: `Timeline: a 1M-event trace opens in < ${TARGET_OPEN_S} s`,
  fps: `Timeline: pan/zoom of the 1M-event trace at ≥ ${TARGET_FPS} fps`,
};

/** The targets, from the 1M-event run. */
export function timelineTargets(runs: readonly TimelineRun[], quick: boolean): TargetCheck[] {
  const big = runs.find((r) => r.events >= BIG);
  if (!big) {
    const why = quick ? '--quick opens only the 10k and 100k traces' : 'the 1M-event trace was not opened';
    return [unmeasured(NAME, TEXT.open, why), unmeasured(NAME, TEXT.fps, why)];
  }
  const open = big.openSeconds === null
    ? unmeasured(NAME, TEXT.open, `it did not show: ${big.error ?? 'unknown'}`)
    : atMost(NAME, TEXT.open, TARGET_OPEN_S, big.openSeconds, `${TARGET_OPEN_S} s ÷ ${fmtNum(big.openSeconds)} s (setInputFiles → the frame after the replay bar and the canvas show the whole trace)`);
  const fps = big.fps === null
    ? unmeasured(NAME, TEXT.fps, big.error ?? 'no frames')
    : atLeast(NAME, TEXT.fps, TARGET_FPS, big.fps, `${fmtNum(big.fps)} rAF callbacks/s during ${PAN_ZOOM_MS / 1000} s of wheel zoom and pan, ÷ ${TARGET_FPS}`);
  return [open, fps];
}

function timelineTable(runs: readonly TimelineRun[]): Table {
  return {
    title: 'Timeline at scale: Replay of a synthetic trace in headless Chromium',
    columns: ['events', 'file MiB', 'open → first paint s', 'pan/zoom fps', 'longest frame ms', 'JS heap MiB', 'error'],
    numeric: [true, true, true, true, true, true, false],
    rows: runs.map((r) => [fmtNum(r.events), fmtNum(r.fileMiB), fmtNum(r.openSeconds), fmtNum(r.fps), fmtNum(r.longestFrameMs), fmtNum(r.heapMiB), r.error ?? '']),
  };
}

const NOTES = [
  'How it is measured: each trace is a JSONL file written to the run\'s temporary folder (header of the bundled ' +
    'ThreadingTCPServer example, then events: a serve_forever loop accepting a request every 400 µs, 8 worker threads taking ' +
    'turns, ~35 events and 6 nested spans a request; every event passes `validateEvent`). A fresh page opens the Replay mode ' +
    'and the file goes into its file input (`setInputFiles`, as a user picking it). *open → first paint* is the time from ' +
    'that call until the file\'s name shows, the replay bar counts all its events, the canvas summary lists its 8 worker lanes, and two animation frames have passed. *fps* is ' +
    'requestAnimationFrame callbacks per second in the page during ' + `${PAN_ZOOM_MS / 1000}` + ' s of scripted input on the canvas ' +
    '(wheel zoom in and out, horizontal wheel pans) — a frame that takes long to draw shows as fewer callbacks. *JS heap* is ' +
    'Chromium\'s JSHeapUsedSize (CDP Performance.getMetrics) once the trace is open.',
];

async function heapMiB(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? null : used / 2 ** 20;
  } catch {
    return null;
  }
}

async function openOne(browser: Browser, url: string, path: string, events: number, fileMiB: number): Promise<TimelineRun> {
  const page = await newPage(browser);
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(url);
    await page.getByRole('navigation', { name: /^(Mode|模式)$/ }).getByRole('button', { name: 'Replay' }).click();
    const input = page.locator('input[type="file"]').first();
    await input.waitFor({ state: 'attached' });
    const t0 = performance.now();
    let openSeconds: number | null = null;
    let error: string | null = null;
    try {
      await input.setInputFiles(path, { timeout: 60_000 });
      // Loaded: the replay bar counts the file's events, and the canvas summary has its 8 worker lanes.
      await page.getByText(name).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByText(new RegExp(`^event \\d+ of ${events}\\b`)).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('canvas[role="img"][aria-label*="worker thread: 8"]').first().waitFor({ state: 'visible', timeout: 10_000 });
      await nextPaint(page);
      openSeconds = (performance.now() - t0) / 1000;
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'failed';
    }
    const heap = await heapMiB(page);
    if (openSeconds === null) return { events, fileMiB, openSeconds, fps: null, longestFrameMs: null, heapMiB: heap, error };
    const box = await page.locator('canvas[role="img"]').first().boundingBox();
    if (!box) return { events, fileMiB, openSeconds, fps: null, longestFrameMs: null, heapMiB: heap, error: 'no canvas box' };
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 120));
    await page.evaluate('window.__benchProbe.start()');
    const end = performance.now() + PAN_ZOOM_MS;
    for (let i = 0; performance.now() < end; i++) {
      const phase = Math.floor(i / 8) % 4;
      if (phase === 0) await page.mouse.wheel(0, -120);
      else if (phase === 1) await page.mouse.wheel(200, 0);
      else if (phase === 2) await page.mouse.wheel(-200, 0);
      else await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    const data = await page.evaluate<ProbeData>('window.__benchProbe.stop()');
    const span = (data.stopped - data.started) / 1000;
    return { events, fileMiB, openSeconds, fps: framesPerSecond(data.frames, span), longestFrameMs: longestFrameMs(data.frames), heapMiB: heap, error };
  } finally {
    await page.close();
  }
}

/** The timeline-at-scale suite. */
export const timelineSuite: Suite = {
  name: NAME,
  title: 'Timeline at scale: opening and moving through large traces',
  budgetSeconds: { full: 60, quick: 15 },
  async run(ctx: SuiteContext): Promise<SuiteResult> {
    const missing = browserMissing();
    if (missing !== null) {
      ctx.log(`timeline: skipped: ${missing}`);
      return { tables: [], targets: Object.values(TEXT).map((t) => unmeasured(NAME, t, missing)), notes: [`Not run: ${missing}.`], data: { skipped: missing } };
    }
    const sizes = ctx.quick ? [10_000, 100_000] : [10_000, 100_000, BIG];
    const runtime = await startWebRuntime(ctx.procs);
    let browser: Browser | null = null;
    const runs: TimelineRun[] = [];
    try {
      browser = await launchChromium();
      for (const size of sizes) {
        const path = join(ctx.tmp, `synthetic-${size}.jsonl`);
        const events = await writeSyntheticTrace(path, size);
        const fileMiB = statSync(path).size / 2 ** 20;
        ctx.log(`timeline: ${fmtNum(events)} events (${fmtNum(fileMiB)} MiB)`);
        const run = await openOne(browser, runtime.url, path, events, fileMiB);
        ctx.log(`  open ${fmtNum(run.openSeconds)} s, ${fmtNum(run.fps)} fps, heap ${fmtNum(run.heapMiB)} MiB${run.error ? `, ${run.error}` : ''}`);
        runs.push(run);
      }
    } finally {
      await browser?.close();
      await ctx.procs.stop(runtime.pid);
    }
    return { tables: [timelineTable(runs)], targets: timelineTargets(runs, ctx.quick), notes: NOTES, data: { runs } };
  },
};
