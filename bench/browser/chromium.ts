/**
 * Headless Chromium for the browser suites, launched as the e2e does (Debian's
 * /usr/bin/chromium or $CHROMIUM_PATH; no browser download), and the runtime that serves
 * the built web app, started in its own process and stopped by pid.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { tsNode, type Processes } from '../lib/procs.js';
import type { Announcement } from '../servers/control.js';

/** The Chromium to drive. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const WEB_DIST = new URL('../../apps/web/dist', import.meta.url).pathname;

/** Why the browser suites cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'the web app is not built (run `npm run build:web`: apps/web/dist is missing)';
  return null;
}

/** Launches headless Chromium. The caller closes it (its process is Chromium's own, closed with `browser.close()`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

/** A new 1280×800 page. */
export async function newPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1280, height: 800 } });
}

/** A started runtime serving the web app: its pid, the presenter URL, and the lab's address when `cls` was given. */
export interface WebRuntime {
  readonly pid: number;
  readonly url: string;
  readonly address: readonly [string, number];
}

/** Starts `bench/servers/web-runtime.ts` (registered with `procs`) and waits for its announcement. */
export async function startWebRuntime(procs: Processes, cls?: string): Promise<WebRuntime> {
  const script = new URL('../servers/web-runtime.ts', import.meta.url).pathname;
  const { command, args } = tsNode(script, cls === undefined ? [] : ['--cls', cls]);
  const proc = procs.start('web-runtime', command, args);
  const a = await proc.next<Announcement>(60);
  if (typeof a.address === 'string' || a.url === undefined) throw new Error('web-runtime: unexpected announcement');
  return { pid: proc.pid, url: a.url, address: a.address };
}

/** Resolves after the page's next two animation frames (what was set is then on screen). */
export async function nextPaint(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))');
}
