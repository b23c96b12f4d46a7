/**
 * The socket.io protocol between the runtime (the live lab) and the web app, defined
 * once: what each side may emit, with what payload. Both sides type their socket.io
 * instances with these maps.
 */
import type { LabDescription, TraceFile } from './file-format.js';
import type { Backend, SockAddr, TraceEvent, TraceEventKind } from './schema.js';
import type { ClientSpec, HandlerName, LabClassRequest, LabMode } from './scenario.js';

/** Where a lab is in its life. */
export type LabState = 'created' | 'serving' | 'shutting_down' | 'stopped' | 'closed' | 'failed';

/** A command a student can type to reach the lab from outside (`nc 127.0.0.1 PORT`). */
export interface ExternalCommand {
  readonly label: string;
  readonly command: string;
}

/** What everybody knows about a lab. */
export interface LabSummary extends LabDescription {
  readonly id: string;
  readonly handler: HandlerName;
  readonly address: SockAddr;
  readonly mode: LabMode | null;
  readonly state: LabState;
  /** Why the lab failed, when `state` is `failed`. */
  readonly error: string | null;
  readonly external_commands: readonly ExternalCommand[];
  /** The recording being written for this lab, if any. */
  readonly recording: string | null;
}

/** What a step-through can stop at. Empty lists match nothing. */
export interface Breakpoints {
  readonly kinds: readonly TraceEventKind[];
  /** Python method names (`process_request`) or `Class.method`. */
  readonly methods: readonly string[];
  /** Thread names, e.g. `Thread-2 (process_request_thread)`. */
  readonly threads: readonly string[];
}

/** "Run until the next event of this kind / method / thread". */
export interface RunTarget {
  readonly kind?: TraceEventKind;
  readonly method?: string;
  readonly thread?: string;
}

/** The live lab's step-through state. */
export interface StepState {
  readonly mode: 'running' | 'paused';
  /** The event the lab is held at (its thread waits there); null when nothing is held yet. */
  readonly held: TraceEvent | null;
  /** How many other events wait behind the held one (other threads arriving while paused). */
  readonly waiting: number;
  readonly breakpoints: Breakpoints;
  readonly run_to: RunTarget | null;
}

/** A batch of a lab's events. `gap` > 0 says how many events this viewer missed before it. */
export interface EventBatch {
  readonly lab: string;
  readonly events: readonly TraceEvent[];
  readonly gap: number;
}

/** A logical thread or process lane that a lab has had. */
export interface ThreadInfo {
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
  readonly alive: boolean;
}

/** What a viewer that joins (or rejoins) gets at once: the present. */
export interface Snapshot {
  readonly role: Role;
  readonly labs: readonly LabSummary[];
  /** The most recent events of each lab (a bounded window). */
  readonly recent: Readonly<Record<string, readonly TraceEvent[]>>;
  readonly threads: Readonly<Record<string, readonly ThreadInfo[]>>;
  /** The calls still running in each lab: their `call` events, outermost first per thread. */
  readonly open_spans: Readonly<Record<string, readonly TraceEvent[]>>;
  readonly step: Readonly<Record<string, StepState>>;
  readonly recordings: readonly RecordingInfo[];
}

/** Presenter (holds the token, controls the lab) or viewer (watches). */
export type Role = 'presenter' | 'viewer';

/** A recorded trace file kept by the runtime. */
export interface RecordingInfo {
  readonly name: string;
  readonly lab: string | null;
  readonly server_class: string;
  readonly events: number;
  readonly bytes: number;
  readonly created_at: string;
  readonly complete: boolean;
  /** Which implementation produced it (absent when the header cannot be read). */
  readonly backend?: Backend;
  readonly backend_version?: string;
}

/** Asks for a new lab: a public class, or a class built from bases. */
export interface CreateLabRequest extends LabClassRequest {
  /** Which implementation serves: the TypeScript port (default) or the real CPython module. */
  readonly backend?: Backend;
  /** A loopback port from the allowed range; 0 or absent picks a free one. */
  readonly port?: number;
}

/** A Python module's source as the runtime's `python3` has it installed (read at run time; never shipped). */
export interface PythonSource {
  /** The module name trace events give in `src_file`, e.g. `socketserver`. */
  readonly module: string;
  /** Where the file is on the runtime's machine. */
  readonly path: string;
  readonly text: string;
}

/** The CPython sources a viewer can show beside the port's. */
export interface CPythonSources {
  /** e.g. `CPython 3.11.7`. */
  readonly version: string;
  readonly executable: string;
  readonly modules: readonly PythonSource[];
}

/** A scenario file the runtime ships (apps/runtime/scenarios). */
export interface ScenarioInfo {
  /** The file name without `.json`, e.g. `ThreadingTCPServer`. */
  readonly name: string;
  readonly description: string;
  /** The description in Simplified Chinese (empty when the scenario has none). */
  readonly description_zh: string;
}

/** One scenario run on both backends, for a side-by-side view. */
export interface BackendComparison {
  readonly scenario: string;
  readonly core: TraceFile;
  readonly cpython: TraceFile;
}

/** Names a lab. */
export interface LabRef {
  readonly lab: string;
}

/** The reply to every request: the value, or what was wrong. */
export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** The acknowledgement callback of a request. */
export type Ack<T> = (reply: Reply<T>) => void;

/** What the web app may ask of the runtime. */
export interface ClientToServerEvents {
  create_lab: (req: CreateLabRequest, ack: Ack<LabSummary>) => void;
  run_lab: (req: LabRef & { readonly mode?: LabMode; readonly handle_request_count?: number }, ack: Ack<LabSummary>) => void;
  shutdown_lab: (req: LabRef, ack: Ack<LabSummary>) => void;
  close_lab: (req: LabRef, ack: Ack<LabSummary>) => void;
  spawn_clients: (req: LabRef & { readonly clients: readonly ClientSpec[] }, ack: Ack<number>) => void;
  pause: (req: LabRef, ack: Ack<StepState>) => void;
  step: (req: LabRef & { readonly count?: number }, ack: Ack<StepState>) => void;
  run_to: (req: LabRef & { readonly target: RunTarget }, ack: Ack<StepState>) => void;
  resume: (req: LabRef, ack: Ack<StepState>) => void;
  set_breakpoints: (req: LabRef & { readonly breakpoints: Breakpoints }, ack: Ack<StepState>) => void;
  start_recording: (req: LabRef, ack: Ack<RecordingInfo>) => void;
  stop_recording: (req: LabRef, ack: Ack<RecordingInfo>) => void;
  list_recordings: (req: Record<string, never>, ack: Ack<readonly RecordingInfo[]>) => void;
  delete_recording: (req: { readonly name: string }, ack: Ack<readonly RecordingInfo[]>) => void;
  load_recording: (req: { readonly name: string }, ack: Ack<TraceFile>) => void;
  /** The installed CPython's socketserver source (and the CPython labs' module); an error when no python3. */
  cpython_source: (req: Record<string, never>, ack: Ack<CPythonSources>) => void;
  list_scenarios: (req: Record<string, never>, ack: Ack<readonly ScenarioInfo[]>) => void;
  /** Runs a shipped scenario headlessly on the port and on CPython (a few seconds) and returns both traces. */
  compare_scenario: (req: { readonly scenario: string }, ack: Ack<BackendComparison>) => void;
}

/** What the runtime sends to every viewer. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  /** A batch of events; the viewer calls `done` when it has taken it (at most two are in flight at a time). */
  events: (batch: EventBatch, done: () => void) => void;
  lab: (summary: LabSummary) => void;
  step_state: (update: LabRef & { readonly state: StepState }) => void;
  recordings: (list: readonly RecordingInfo[]) => void;
}
