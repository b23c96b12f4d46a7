/** A tracer that keeps every event in memory: for tests, the CLI and benchmarks. */
import type { TraceEvent } from './schema.js';
import type { Tracer } from './session.js';

/** Collects events in arrival order. */
export class MemoryTracer implements Tracer {
  readonly events: TraceEvent[] = [];

  emit(event: TraceEvent): void {
    this.events.push(event);
  }
}
