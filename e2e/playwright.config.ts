/**
 * Browser journeys through sockscope, in Debian's Chromium (no browser download is
 * possible here). Playwright starts its own runtime on a free loopback port, serving the
 * built web app, with a known presenter token and a throw-away recordings folder; and the
 * static replay-only build (`npm run build:static`) from `vite preview` on the next port.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env['SOCKSCOPE_E2E_PORT'] ?? 8510);
/** Where the static build is served (no runtime behind it). */
export const STATIC_URL = `http://127.0.0.1:${PORT + 1}/`;
export const TOKEN = 'e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0';
const recordings = mkdtempSync(join(tmpdir(), 'sockscope-e2e-rec-'));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: './playwright-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node --import tsx ../apps/runtime/src/main.ts --port ${PORT} --recordings ${recordings}`,
      url: `http://127.0.0.1:${PORT}/`,
      env: { SOCKSCOPE_PRESENTER_TOKEN: TOKEN },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite preview --mode static --outDir dist/static --host 127.0.0.1 --port ${PORT + 1} --strictPort`,
      cwd: '../apps/web',
      url: STATIC_URL,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
