/** The header of a lab's trace file, from what the lab says about itself. */
import { TRACE_FILE_FORMAT, TRACE_FILE_VERSION, TRACE_SCHEMA_VERSION, type LabSummary, type Scenario, type TraceHeader } from '@sockscope/core';

/** A trace header for `lab`, recording `scenario` if it came from one. */
export function traceHeader(lab: LabSummary, scenario: Scenario | null = null): TraceHeader {
  return {
    format: TRACE_FILE_FORMAT,
    version: TRACE_FILE_VERSION,
    schema_version: TRACE_SCHEMA_VERSION,
    backend: lab.backend,
    ...(lab.backend_version === undefined ? {} : { backend_version: lab.backend_version }),
    created_at: new Date().toISOString(),
    scenario,
    server_class: lab.server_class,
    mro: lab.mro,
    resolution: lab.resolution,
    handler: lab.handler,
    handler_class: lab.handler_class,
    handler_mro: lab.handler_mro,
    handler_resolution: lab.handler_resolution,
    options: lab.options,
  };
}
