/** A lab's tracer: every event reaches the sinks, then the step controller decides if its thread waits. */
import type { TraceEvent, Tracer } from '@sockscope/core';
import type { StepController } from './step-controller.js';

/**
 * Builds the tracer a lab's trace session uses. Events are delivered before they are gated,
 * so viewers see the event the lab is held at, and non-holdable events (which pass even
 * while paused) are still recorded.
 */
export function gatedTracer(controller: StepController, deliver: (event: TraceEvent) => void): Tracer {
  return {
    emit(event, holdable) {
      deliver(event);
      return controller.gate(event, holdable);
    },
  };
}
