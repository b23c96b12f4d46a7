/**
 * Records a scenario into memory on either backend: the port (in this process) or the real
 * CPython module (in a `python3` child). The conformance suite and the compare view use it.
 */
import { setStderr, type Backend, type LabSummary, type Scenario, type TraceEvent, type TraceFile } from '@sockscope/core';
import { traceHeader } from '../server/trace-header.js';
import { runScenario } from './run-scenario.js';

/** Runs `scenario` on `backend` and returns its whole trace, as a trace file would hold it. */
export async function recordTrace(scenario: Scenario, backend: Backend = 'core'): Promise<TraceFile> {
  const events: TraceEvent[] = [];
  let summary: LabSummary | null = null;
  // The handlers' tracebacks are in the trace as `stderr` events; keep the terminal quiet.
  const oldStderr = setStderr({ write: () => undefined });
  try {
    const end = await runScenario(scenario, (event) => events.push(event), (created) => (summary = created), backend);
    events.sort((a, b) => a.seq - b.seq);
    return { header: traceHeader(summary ?? end, scenario), events, truncated: false };
  } finally {
    setStderr(oldStderr);
  }
}
