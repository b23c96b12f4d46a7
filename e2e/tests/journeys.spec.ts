/**
 * The journeys of issue 4, each asserting on what is on screen and keeping a screenshot
 * (test-results/) as an artifact.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TOKEN } from '../playwright.config.js';
import { fileURLToPath } from 'node:url';
import { Compare, LiveLab, Replay, SourcePane, TimelinePane, TopBar } from '../pages/sockscope.js';

const presenterUrl = `./?token=${TOKEN}`;
const example = (name: string): string => fileURLToPath(new URL(`../../apps/web/public/examples/${name}.jsonl`, import.meta.url));

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** The events the live lab has sent this page, read from the event log pane's counter. */
async function eventCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^\d+ of \d+ events$/).first().textContent()) ?? '0 of 0 events';
  return Number(/of (\d+)/.exec(text)?.[1] ?? 0);
}

/** Closes the lab this page started, so the next journey starts from a clean runtime. */
async function closeLab(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'server_close() and remove' }).first().click();
  await expect(page.getByRole('button', { name: 'server_close() and remove' })).toHaveCount(0);
}

test('J1 newcomer: a ThreadingTCPServer with three clients shows three worker lanes and ThreadingMixIn.process_request', async ({ page }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.start('ThreadingTCPServer', 'slow_echo');
  await lab.spawnClients();
  const timeline = new TimelinePane(page);
  await expect.poll(() => timeline.lanes('worker thread'), { timeout: 15_000 }).toBe(3);
  // Move the cursor to process_request: the MRO pane lights it in ThreadingMixIn.
  await page.getByPlaceholder(/Class\.method or thread/).fill('ThreadingMixIn.process_request');
  await page.getByRole('option').filter({ hasText: 'ThreadingMixIn.process_request()' }).first().click();
  await expect(page.getByText(/process_request\s*is found in\s*ThreadingMixIn/).first()).toBeVisible();
  await shot(page, 'j1-threading');
  await closeLab(page);
});

test('J2 TCPServer: no worker lanes; the second client is served only after the first', async ({ page, request }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.start('TCPServer', 'slow_echo');
  await page.getByRole('button', { name: '● Record' }).click();
  await lab.spawnClients();
  await expect.poll(() => eventCount(page), { timeout: 15_000 }).toBeGreaterThan(120);
  await page.waitForTimeout(1500);
  const timeline = new TimelinePane(page);
  expect(await timeline.lanes('worker thread')).toBe(0);
  await page.getByRole('button', { name: '■ Stop recording' }).click();
  await shot(page, 'j2-tcpserver');
  // The recording proves the order: each handle() starts only after the previous one ended.
  const link = page.getByRole('link', { name: 'Download' }).first();
  const href = (await link.getAttribute('href')) ?? '';
  const lines = (await (await request.get(href)).text()).trim().split('\n').slice(1).map((l) => JSON.parse(l) as { kind: string; method?: string; seq: number });
  const handles = lines.filter((e) => e.method === 'handle');
  const starts = handles.filter((e) => e.kind === 'call').map((e) => e.seq);
  const ends = handles.filter((e) => e.kind === 'return').map((e) => e.seq);
  expect(starts).toHaveLength(3);
  expect(starts[1]).toBeGreaterThan(ends[0] ?? Infinity);
  expect(starts[2]).toBeGreaterThan(ends[1] ?? Infinity);
  await closeLab(page);
});

test('J3 MRO playground: TCPServer, ThreadingMixIn puts BaseServer before ThreadingMixIn and runs synchronously', async ({ page }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.bases(['TCPServer', 'ThreadingMixIn']);
  await lab.handler('slow_echo');
  const mro = page.getByRole('list').filter({ hasText: 'ThreadingMixIn' }).first();
  await expect(mro).toContainText(/TCPServer.*BaseServer.*ThreadingMixIn.*object/s);
  await lab.startBuilt();
  await lab.spawnClients();
  await expect.poll(() => eventCount(page), { timeout: 15_000 }).toBeGreaterThan(100);
  await page.waitForTimeout(1200);
  expect(await new TimelinePane(page).lanes('worker thread')).toBe(0);
  await shot(page, 'j3-playground');
  await closeLab(page);
});

test('J4 lecture: paused and stepped to get_request, the client has no reply; continue → reply', async ({ page }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.start('TCPServer', 'echo');
  await lab.pause();
  await lab.spawnClients();
  // Step until the lab is held at get_request.
  for (let i = 0; i < 60; i++) {
    if ((await lab.stepBar().textContent() ?? '').includes('get_request')) break;
    await lab.step();
  }
  await expect(lab.stepBar()).toContainText('get_request');
  await expect(lab.stepBar()).toContainText('PAUSED');
  const search = page.getByPlaceholder(/Class\.method or thread/);
  await search.fill('client-1');
  await expect(page.getByRole('option').filter({ hasText: /recv/ })).toHaveCount(0);
  await shot(page, 'j4-held');
  await lab.resume();
  await expect(page.getByRole('option').filter({ hasText: /recv/ }).first()).toBeVisible({ timeout: 15_000 });
  await shot(page, 'j4-replied');
  await closeLab(page);
});

test('J5 self-study: record, download, reopen; 20 steps forward and back give the same state; export Chrome JSON', async ({ page }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.start('ThreadingTCPServer', 'echo');
  await page.getByRole('button', { name: '● Record' }).click();
  await lab.spawnClients();
  await expect.poll(() => eventCount(page), { timeout: 15_000 }).toBeGreaterThan(100);
  await page.getByRole('button', { name: '■ Stop recording' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download' }).first().click(),
  ]);
  const file = test.info().outputPath('recorded.jsonl');
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"format":"sockscope-trace"');
  await closeLab(page);

  await new TopBar(page).mode('Replay').click();
  const replay = new Replay(page);
  await replay.open(file);
  await expect(page.getByText('recorded.jsonl').first()).toBeVisible();
  await replay.stepForward(25);
  const callPath = page.getByRole('region', { name: /Call path/ });
  const before = { position: await replay.position(), path: await callPath.textContent() };
  await replay.stepForward(20);
  await replay.stepBack(20);
  expect(await replay.position()).toBe(before.position);
  expect(await callPath.textContent()).toBe(before.path);
  await shot(page, 'j5-replay');
  const [chrome] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for Perfetto' }).first().click()]);
  const chromePath = test.info().outputPath('chrome.json');
  await chrome.saveAs(chromePath);
  const parsed = JSON.parse(readFileSync(chromePath, 'utf8')) as { traceEvents: unknown[] };
  expect(parsed.traceEvents.length).toBeGreaterThan(50);
});

test('J6 a viewer without the token sees the live lanes but no controls', async ({ page, browser }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.start('ThreadingTCPServer', 'slow_echo');
  const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await viewer.goto('./');
  await expect(viewer.getByText('Viewer').first()).toBeVisible();
  await lab.spawnClients();
  await expect.poll(() => new TimelinePane(viewer).lanes('worker thread'), { timeout: 15_000 }).toBe(3);
  await expect(viewer.getByRole('button', { name: 'Start the lab' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await viewer.screenshot({ path: test.info().outputPath('j6-viewer.png') });
  await viewer.close();
  await closeLab(page);
});

test('J7 a broken trace file gets a clear message and the app stays usable', async ({ page }) => {
  await page.goto('./#trace=examples/TCPServer.jsonl');
  await expect(page.getByText('TCPServer.jsonl').first()).toBeVisible();
  const broken = test.info().outputPath('broken.jsonl');
  writeFileSync(broken, '{"format":"sockscope-trace","version":1}\nnot json\n');
  await new Replay(page).open(broken);
  await expect(page.getByText(/Could not open broken\.jsonl/)).toBeVisible();
  await expect(page.getByText(/line \d+/).first()).toBeVisible();
  await expect(page.getByText('TCPServer.jsonl').first()).toBeVisible();
  await new Replay(page).stepForward(3);
  await shot(page, 'j7-broken');
});

test('J8 switch to 简体中文: the UI is in Chinese, socketserver names stay as they are', async ({ page }) => {
  await page.goto('./#trace=examples/ThreadingTCPServer.jsonl&at=40');
  await new TopBar(page).language('简体中文');
  await expect(page.getByRole('navigation').getByRole('button', { name: '回放' })).toBeVisible();
  await expect(page.getByText('ThreadingTCPServer').first()).toBeVisible();
  await page.getByRole('button', { name: /演示模式|Presenter mode/ }).click();
  await shot(page, 'j8-zh-presenter');
});

test('J9 compare: a scenario run on both backends shows both columns and the verdict; two files compare without running', async ({ page }) => {
  await page.goto('./');
  // The keys work once the app has mounted its shortcuts: a key pressed before that is lost.
  await expect(async () => {
    await page.keyboard.press('3');
    await expect(new TopBar(page).mode('Compare')).toHaveAttribute('aria-pressed', 'true', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const compare = new Compare(page);
  await compare.pick('ThreadingTCPServer');
  await compare.runButton().click();
  await expect(compare.runButton()).toBeDisabled();
  await expect(compare.toolbar()).toContainText(/Running ThreadingTCPServer on the port, then on CPython/);
  await expect(compare.verdict()).toHaveText(/Identical canonical forms|\d+ lines? differs?/, { timeout: 60_000 });
  await expect(compare.runButton()).toBeEnabled();
  await expect(compare.column('left')).toContainText('TypeScript port');
  await expect(compare.column('right')).toContainText(/CPython 3\.\d+\.\d+ \(real socketserver\)/);
  for (const side of ['left', 'right'] as const) {
    await expect(compare.column(side).getByRole('list', { name: 'MRO' })).toContainText(/ThreadingTCPServer.*ThreadingMixIn.*TCPServer.*BaseServer.*object/s);
    await expect(compare.column(side)).toContainText(/\d+ events/);
  }
  // The shipped scenarios give the same canonical form on both backends (the runtime's CONF-2).
  await expect(compare.verdict()).toHaveText(/Identical canonical forms/);
  await expect(compare.differingRows()).toHaveCount(0);
  await shot(page, 'j9-compare-run');

  // At home, no runtime needed: two recordings, one in each column.
  await compare.open('left', example('ThreadingTCPServer'));
  await compare.open('right', example('bad-base-order'));
  await expect(compare.column('right')).toContainText('bad-base-order.jsonl');
  await expect(compare.verdict()).toHaveText(/\d+ lines differ/);
  expect(await compare.differingRows().count()).toBeGreaterThan(0);
  await shot(page, 'j9-compare-files');
  await compare.column('right').getByRole('button', { name: 'Open in Replay' }).click();
  await expect(new TopBar(page).mode('Replay')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('bad-base-order.jsonl').first()).toBeVisible();
});

test('J10 a CPython-backend live lab shows the CPython badge and CPython\'s own source', async ({ page }) => {
  await page.goto(presenterUrl);
  const lab = new LiveLab(page);
  await lab.backend('CPython');
  await lab.start('ThreadingTCPServer', 'slow_echo');
  await expect(lab.backendBadge()).toHaveText(/CPython 3\.\d+\.\d+ \(real socketserver\)/);
  await lab.spawnClients();
  await expect.poll(() => new TimelinePane(page).lanes('worker thread'), { timeout: 20_000 }).toBe(3);
  // The cursor on serve_forever's call: both sources show it; CPython's call event names its def line.
  await page.getByPlaceholder(/Class\.method or thread/).fill('BaseServer.serve_forever');
  await page.getByRole('option').filter({ hasText: 'BaseServer.serve_forever()' }).first().click();
  const source = new SourcePane(page);
  await source.open();
  await expect(source.port).toContainText('serve_forever(poll_interval = 0.5)');
  await expect(source.cpython).toContainText(/socketserver\.py:\d+/);
  await expect(source.cpython.locator('.ss-source-line--current')).toHaveCount(1);
  await expect(source.cpython.locator('.ss-source-line--current')).toContainText('def serve_forever(self, poll_interval=0.5):');
  await shot(page, 'j10-cpython-source');
  await closeLab(page);
});
