/**
 * Vitest config for every unit test in the monorepo (`vitest run` from the root, part of
 * `npm test`). The core's tests open real loopback sockets and fork child processes, and CI has
 * 2 cores: test files run in at most 2 forked workers, each test file's tests in sequence.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/**/src/**/*.test.ts',
      'packages/**/examples/**/*.test.ts',
      'apps/**/src/**/*.test.ts',
      'tools/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.tmp/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    teardownTimeout: 10_000,
    // Fail a run that finds no test file rather than passing silently.
    passWithNoTests: false,
    // CI asks for a JSON report too (for its summary line) without changing the command.
    reporters: process.env['VITEST_JSON'] ? ['default', ['json', { outputFile: process.env['VITEST_JSON'] }]] : ['default'],
  },
});
