/** Small questions the bars ask of a trace model: names to suggest, what an event is. */
import type { TraceEvent } from '@sockscope/core/trace';
import { qualified } from '../model/spans.js';
import type { TraceModel } from '../model/trace-model.js';

/** Every `Class.method` called in the trace, sorted. */
export function methodNames(model: TraceModel): string[] {
  return model.methodNames().sort();
}

/** Every thread name in the trace, in drawing order. */
export function threadNames(model: TraceModel): string[] {
  return [...new Set(model.orderedLanes().map((l) => l.name))];
}

/** `Class.method` an event belongs to: its own for calls, else the call it happens in. */
export function eventMethod(model: TraceModel, event: TraceEvent): string | null {
  if (event.kind === 'call' || event.kind === 'return' || event.kind === 'exception') return `${event.cls}.${event.method}`;
  const span = model.span(event.span);
  return span ? qualified(span) : null;
}
