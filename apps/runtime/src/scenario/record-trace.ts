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
  quietStderr(1);
  try {
    const end = await runScenario(scenario, (event) => events.push(event), (created) => (summary = created), backend);
    events.sort((a, b) => a.seq - b.seq);
    return { header: traceHeader(summary ?? end, scenario), events, truncated: false };
  } finally {
    quietStderr(-1);
  }
}

let quietRuns = 0;
let savedStderr: ReturnType<typeof setStderr> | null = null;

/**
 * The handlers' tracebacks are in the trace as `stderr` events, so the terminal stays quiet
 * while any recording runs. Counted, so that overlapping runs restore the real stream once.
 */
function quietStderr(delta: 1 | -1): void {
  quietRuns += delta;
  if (delta === 1 && quietRuns === 1) savedStderr = setStderr({ write: () => undefined });
  if (delta === -1 && quietRuns === 0 && savedStderr) {
    setStderr(savedStderr);
    savedStderr = null;
  }
}
