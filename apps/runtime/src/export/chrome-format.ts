/**
 * The subset of the Chrome Trace Event Format that the exporter writes: what Perfetto
 * (ui.perfetto.dev) and chrome://tracing open. Times are microseconds.
 */

/** A JSON value, for `args`. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** `args` of an event: shown when the event is selected. */
export type ChromeArgs = Readonly<Record<string, JsonValue>>;

interface ChromeEventBase {
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
}

/** The start (`B`) or end (`E`) of a slice on a thread. Per thread they must nest. */
export interface ChromeDurationEvent extends ChromeEventBase {
  readonly ph: 'B' | 'E';
  readonly cat: string;
  readonly ts: number;
  readonly args?: ChromeArgs;
}

/** A moment on a thread (`s: 't'`: drawn on that thread's track). */
export interface ChromeInstantEvent extends ChromeEventBase {
  readonly ph: 'i';
  readonly s: 't';
  readonly cat: string;
  readonly ts: number;
  readonly args: ChromeArgs;
}

/**
 * One end of a flow arrow: `s` starts it in the enclosing slice, `f` with `bp: 'e'` ends
 * it in the slice enclosing it. Both ends share `cat`, `name` and `id`.
 */
export interface ChromeFlowEvent extends ChromeEventBase {
  readonly ph: 's' | 'f';
  readonly cat: string;
  readonly ts: number;
  readonly id: number;
  readonly bp?: 'e';
}

/** Names and orders tracks: `process_name`, `thread_name`, `process_sort_index`, `thread_sort_index`. */
export interface ChromeMetadataEvent extends ChromeEventBase {
  readonly ph: 'M';
  readonly name: 'process_name' | 'thread_name' | 'process_sort_index' | 'thread_sort_index';
  readonly args: { readonly name: string } | { readonly sort_index: number };
}

/** Every kind of event the exporter writes. */
export type ChromeTraceEvent = ChromeDurationEvent | ChromeInstantEvent | ChromeFlowEvent | ChromeMetadataEvent;

/** A whole Chrome trace (the JSON Object Format). */
export interface ChromeTrace {
  readonly traceEvents: ChromeTraceEvent[];
  readonly displayTimeUnit: 'ms';
  /** Shown by the viewers as the trace's metadata. */
  readonly otherData: Readonly<Record<string, string | number | boolean>>;
}
