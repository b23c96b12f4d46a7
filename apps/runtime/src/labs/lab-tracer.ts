/** A lab's tracer: hands each event to its sinks, then lets the step gate hold the thread. */
import { TraceSession, type TraceEvent, type Tracer } from '@sockscope/core';

/** Receives every event of a lab, in order. */
export type EventSink = (event: TraceEvent) => void;

/** Decides whether the emitting thread waits at an event (the live step-through). */
export interface EventGate {
  gate(event: TraceEvent, holdable: boolean): void | Promise<void>;
  /** Releases every held thread for good (the lab is closing). */
  dispose(): void;
}

/** The tracer of one lab. */
export class LabTracer implements Tracer {
  readonly #sinks = new Set<EventSink>();

  constructor(readonly gate: EventGate | null = null) {}

  /** Adds a sink; returns a function that removes it. */
  addSink(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  emit(event: TraceEvent, holdable: boolean): void | Promise<void> {
    // Viewers see an event before its thread is held at it.
    for (const sink of this.#sinks) sink(event);
    return this.gate?.gate(event, holdable);
  }
}

/** What watches a lab from its first event on. */
export interface LabHooks {
  readonly gate?: EventGate | null;
  readonly sinks?: readonly EventSink[];
}

/** A lab's tracer with the hooks attached, and the session that numbers its events (either backend). */
export function labTracing(hooks: LabHooks): { readonly tracer: LabTracer; readonly session: TraceSession } {
  const tracer = new LabTracer(hooks.gate ?? null);
  for (const sink of hooks.sinks ?? []) tracer.addSink(sink);
  return { tracer, session: new TraceSession(tracer) };
}
