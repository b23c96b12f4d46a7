/**
 * The canonical form must not depend on timing: the same scenario run twice on the port
 * (both runs at once, to shake the timing) gives the same text. Otherwise a difference from
 * CPython could be noise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonOfScenario, diffMessage, quietStderr } from './conformance.fixture.js';

/** Threads, forks, datagrams, crashes and handle_request's timeouts. */
const SCENARIOS = ['ThreadingTCPServer', 'ForkingTCPServer', 'UDPServer', 'ThreadingUDPServer', 'crash-handler', 'handle-request-timeout'];

let restoreStderr: () => void;
beforeAll(() => void (restoreStderr = quietStderr()));
afterAll(() => restoreStderr());

describe('CONF-1 two runs of a scenario on the port give the same canonical form', () => {
  it.each(SCENARIOS)('%s', async (name) => {
    const [first, second] = await Promise.all([canonOfScenario(name, 'core'), canonOfScenario(name, 'core')]);
    expect(first).toMatch(/^server /);
    expect(second, diffMessage(`${name}: two runs on the port differ`, first, second, ['run 1', 'run 2'])).toBe(first);
  }, 30_000);
});
