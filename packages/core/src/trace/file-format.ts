/**
 * The trace file format: JSON Lines, a header line then one event per line. Written as
 * the run goes, so a killed runtime loses at most its last batch.
 */
import type { Backend, TraceEvent } from './schema.js';
import type { LabOptions, Scenario } from './scenario.js';

/** The `format` field of a trace file's header. */
export const TRACE_FILE_FORMAT = 'sockscope-trace';
/** The version of the file format (the event schema has its own). */
export const TRACE_FILE_VERSION = 1;

/** What ran: the classes (with their MROs and resolution tables), the options, the backend. */
export interface LabDescription {
  readonly backend: Backend;
  /** What ran it, e.g. `CPython 3.11.7` or `Node v20.20.0`; absent in older traces. */
  readonly backend_version?: string;
  readonly server_class: string;
  /** The server class's MRO, e.g. `['ThreadingTCPServer', 'ThreadingMixIn', ...]`. */
  readonly mro: readonly string[];
  /** Method → class whose implementation runs, for the server class. */
  readonly resolution: Readonly<Record<string, string>>;
  /** The handler's scenario name (`echo`, ...) or, for a class of your own, its class name. */
  readonly handler: string;
  readonly handler_class: string;
  readonly handler_mro: readonly string[];
  readonly handler_resolution: Readonly<Record<string, string>>;
  readonly options: LabOptions;
}

/** The first line of a trace file. */
export interface TraceHeader extends LabDescription {
  readonly format: typeof TRACE_FILE_FORMAT;
  readonly version: typeof TRACE_FILE_VERSION;
  readonly schema_version: number;
  readonly created_at: string;
  /** The scenario, when the run came from one. */
  readonly scenario: Scenario | null;
}

/** A parsed trace file. */
export interface TraceFile {
  readonly header: TraceHeader;
  readonly events: readonly TraceEvent[];
  /** True when the last line was cut short (the writer was killed) and was dropped. */
  readonly truncated: boolean;
}
