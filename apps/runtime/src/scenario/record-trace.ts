/**
 * Records a scenario into memory on either backend: the port (in this process) or the real
 * CPython module (in a `python3` child). The conformance suite and the compare view use it.
 */
import { setStderr, type Backend, type LabSummary, type Scenario, type TraceEvent, type TraceFile } from '@sockscope/core';
import { traceHeader } from '../server/trace-header.js';
import { runScenario } from './run-scenario.js';
import type { EventSink } from '../labs/lab-tracer.js';

/** Runs a scenario on one backend, handing events to `sink`; resolves with the lab at its end. */
export type ScenarioRunner = (
  scenario: Scenario,
  sink: EventSink,
  onCreated?: (summary: LabSummary) => void,
) => Promise<LabSummary>;

const runners: Partial<Record<Backend, ScenarioRunner>> = { core: runScenario };

/** Lets a backend module register its runner (the CPython one lives in ../cpython). */
export function registerScenarioRunner(backend: Backend, runner: ScenarioRunner): void {
  runners[backend] = runner;
}

/** The runner of `backend`; throws when that backend is not available. */
export async function scenarioRunner(backend: Backend): Promise<ScenarioRunner> {
  if (backend === 'cpython' && runners.cpython === undefined) await import('../cpython/register.js');
  const runner = runners[backend];
  if (runner === undefined) throw new Error(`no runner for backend ${JSON.stringify(backend)}`);
  return runner;
}

/** Runs `scenario` on `backend` and returns its whole trace, as a trace file would hold it. */
export async function recordTrace(scenario: Scenario, backend: Backend = 'core'): Promise<TraceFile> {
  const run = await scenarioRunner(backend);
  const events: TraceEvent[] = [];
  let summary: LabSummary | null = null;
  // The handlers' tracebacks are in the trace as `stderr` events; keep the terminal quiet.
  const oldStderr = setStderr({ write: () => undefined });
  try {
    const end = await run(scenario, (event) => events.push(event), (created) => (summary = created));
    return { header: traceHeader(summary ?? end, scenario), events, truncated: false };
  } finally {
    setStderr(oldStderr);
  }
}
