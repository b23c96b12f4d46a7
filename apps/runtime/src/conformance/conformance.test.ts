/**
 * Differential conformance: every shipped scenario, run on the port and on the real CPython
 * socketserver (the user's python3), must give the same canonical form — the same classes,
 * the same calls in every thread, the same markers, the same replies to every client.
 * Without a usable python3 (3.8 or newer) the suite says it was skipped, and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPython, MIN_PYTHON, probePython } from '../cpython/python-env.js';
import { canonOfScenario, diffMessage, quietStderr, runPool, scenarioNames, valueOf, type Settled } from './conformance.fixture.js';

/** Recordings running at once (the CI machine has 2 cores). */
const CONCURRENCY = 2;
const NAMES = scenarioNames();

/** Why the CPython backend cannot run here, or null when it can. */
const unavailable: string | null = await findPython().then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)),
);

let restoreStderr: () => void = () => undefined;
const forms = new Map<string, { core: Promise<Settled<string>>; cpython: Promise<Settled<string>> }>();

beforeAll(() => {
  if (unavailable !== null) return;
  restoreStderr = quietStderr();
  // Both backends of a scenario run side by side; the pool runs ahead of the tests.
  const tasks = NAMES.flatMap((name) => [() => canonOfScenario(name, 'core'), () => canonOfScenario(name, 'cpython')]);
  const results = runPool(tasks, CONCURRENCY);
  NAMES.forEach((name, i) => forms.set(name, { core: results[2 * i] as Promise<Settled<string>>, cpython: results[2 * i + 1] as Promise<Settled<string>> }));
});
afterAll(() => restoreStderr());

describe('CONF-2 every shipped scenario gives the same canonical form on the port and on CPython', () => {
  it('there are at least 20 scenarios', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(20);
  });

  if (unavailable !== null) {
    it(`SKIPPED: no usable python3 (${MIN_PYTHON.join('.')} or newer), so the port was not compared with CPython`, async () => {
      console.warn(`CONF-2 skipped: ${unavailable}`);
      await expect(probePython(process.env['SOCKSCOPE_PYTHON'] ?? 'python3')).rejects.toThrow();
    });
    return;
  }

  it.each(NAMES)('%s', async (name) => {
    const pending = forms.get(name);
    if (pending === undefined) throw new Error(`${name} was not recorded`);
    const core = valueOf(await pending.core);
    const cpython = valueOf(await pending.cpython);
    expect(cpython, diffMessage(`${name}: the port and CPython differ`, core, cpython, ['port (core)', 'CPython'])).toBe(core);
  }, 60_000);
});
