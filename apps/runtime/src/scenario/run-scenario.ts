/**
 * Runs a scenario headlessly: the server loop in its own thread, the clients on their
 * clock, then — from the main thread — `shutdown()` and `server_close()`.
 */
import { sleep, type Backend, type LabSummary, type Scenario } from '@sockscope/core';
import { createLab } from '../labs/create-lab.js';
import type { EventSink } from '../labs/lab-tracer.js';

/** How long a handle_request loop may still run after `shutdown_after_ms`, seconds. */
const LOOP_GRACE = 2;

/**
 * Runs `scenario`, handing every event to `sink`; `onCreated` learns what the lab is as
 * soon as the server exists (before it serves). Returns the lab as it was at the end.
 */
export async function runScenario(
  scenario: Scenario,
  sink: EventSink,
  onCreated?: (summary: LabSummary) => void,
  backend: Backend = 'core',
): Promise<LabSummary> {
  const lab = await createLab('scenario', { ...scenario, backend }, { sinks: [sink] });
  const summary = lab.summary();
  onCreated?.(summary);
  lab.run(scenario.mode ?? 'serve_forever', scenario.handle_request_count ?? 1);
  await sleep((scenario.warmup_ms ?? 50) / 1000);
  lab.spawnClients(scenario.clients ?? []);
  await sleep((scenario.shutdown_after_ms ?? 800) / 1000);
  if (scenario.mode === 'handle_request') await lab.joinLoop(LOOP_GRACE);
  await lab.close();
  return { ...summary, state: lab.state };
}
