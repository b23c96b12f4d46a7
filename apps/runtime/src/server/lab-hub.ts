/**
 * The hub: every lab of this runtime and every viewer watching. Labs feed their events
 * to their logs, their recordings and each viewer's feed; viewers that join late get a
 * snapshot of the present.
 */
import type {
  Breakpoints,
  ClientSpec,
  CreateLabRequest,
  EventBatch,
  LabMode,
  LabSummary,
  RecordingInfo,
  Role,
  RunTarget,
  Snapshot,
  StepState,
  TraceEvent,
  TraceFile,
} from '@sockscope/core';
import { basename } from 'node:path';
import { createLab } from '../labs/create-lab.js';
import type { RecordingStore } from '../recording/store.js';
import { StepController } from '../stepping/step-controller.js';
import { ViewerFeed } from '../stream/viewer-feed.js';
import { LabEntry } from './lab-entry.js';
import { traceHeader } from './trace-header.js';

/** What the hub tells every viewer. */
export interface Broadcast {
  lab(summary: LabSummary): void;
  stepState(lab: string, state: StepState): void;
  recordings(list: readonly RecordingInfo[]): void;
}

/** How many labs may exist at once. */
export const MAX_LABS = 8;

/** The labs and viewers of one runtime. */
export class LabHub {
  readonly #labs = new Map<string, LabEntry>();
  readonly #feeds = new Set<ViewerFeed>();
  #nextId = 1;

  constructor(
    readonly recordings: RecordingStore,
    readonly broadcast: Broadcast,
  ) {}

  /** A new viewer: its feed, and the snapshot to send it first. */
  addViewer(role: Role, send: (batch: EventBatch, done: () => void) => void): { feed: ViewerFeed; snapshot: Snapshot } {
    // Two batches in flight: the next crosses the socket while the page takes the previous one
    // (measured in `npm run bench`'s live suite: p95 event-to-screen fell by about a third).
    const feed = new ViewerFeed(send, { maxInFlight: 2 });
    this.#feeds.add(feed);
    return { feed, snapshot: this.snapshot(role) };
  }

  removeViewer(feed: ViewerFeed): void {
    feed.close();
    this.#feeds.delete(feed);
  }

  /** The present, for a viewer that joins now. */
  snapshot(role: Role): Snapshot {
    const entries = [...this.#labs.values()].filter((e) => this.#ready(e));
    const parts = entries.map((e) => [e.id, e.log.snapshotPart()] as const);
    return {
      role,
      labs: entries.map((e) => e.lab.summary(e.recording)),
      recent: Object.fromEntries(parts.map(([id, p]) => [id, p.recent])),
      threads: Object.fromEntries(parts.map(([id, p]) => [id, p.threads])),
      open_spans: Object.fromEntries(parts.map(([id, p]) => [id, p.open_spans])),
      step: Object.fromEntries(entries.map((e) => [e.id, e.steps.state()])),
      recordings: this.recordings.list(),
    };
  }

  #ready(entry: LabEntry): boolean {
    try {
      return entry.lab.state !== 'closed';
    } catch {
      return false;
    }
  }

  async createLab(req: CreateLabRequest): Promise<LabSummary> {
    if (this.#labs.size >= MAX_LABS) throw new Error(`at most ${MAX_LABS} labs at once: close one first`);
    const id = `lab-${this.#nextId++}`;
    const steps = new StepController();
    const entry = new LabEntry(id, steps);
    steps.onChange((state) => this.broadcast.stepState(id, state));
    this.#labs.set(id, entry);
    try {
      entry.lab = await createLab(id, req, { gate: steps, sinks: [(e) => this.#deliver(entry, e)] });
    } catch (err) {
      this.#labs.delete(id);
      steps.dispose();
      throw err;
    }
    return this.#announce(entry);
  }

  #deliver(entry: LabEntry, event: TraceEvent): void {
    entry.take(event);
    for (const feed of this.#feeds) feed.push(entry.id, event);
  }

  #announce(entry: LabEntry): LabSummary {
    const summary = entry.lab.summary(entry.recording);
    this.broadcast.lab(summary);
    return summary;
  }

  #entry(id: string): LabEntry {
    const entry = this.#labs.get(id);
    if (!entry) throw new Error(`no lab ${JSON.stringify(id)}`);
    return entry;
  }

  run(id: string, mode: LabMode = 'serve_forever', count = 1): LabSummary {
    const entry = this.#entry(id);
    entry.lab.run(mode, count);
    return this.#announce(entry);
  }

  async shutdown(id: string): Promise<LabSummary> {
    const entry = this.#entry(id);
    // A held loop could never notice the shutdown request: let it run.
    entry.steps.resume();
    await entry.lab.shutdown();
    return this.#announce(entry);
  }

  async close(id: string): Promise<LabSummary> {
    const entry = this.#entry(id);
    entry.steps.dispose();
    await entry.lab.close();
    const stopped = entry.stopRecording();
    const summary = this.#announce(entry);
    this.#labs.delete(id);
    if (stopped) this.broadcast.recordings(this.recordings.list());
    return summary;
  }

  spawnClients(id: string, clients: readonly ClientSpec[]): number {
    const entry = this.#entry(id);
    if (entry.lab.state !== 'serving' && entry.lab.state !== 'created') throw new Error(`lab ${id} is ${entry.lab.state}`);
    return entry.lab.spawnClients(clients).length;
  }

  pause(id: string): StepState {
    return this.#entry(id).steps.pause();
  }

  step(id: string, count = 1): Promise<StepState> {
    return this.#entry(id).steps.step(count);
  }

  runTo(id: string, target: RunTarget): StepState {
    return this.#entry(id).steps.runTo(target);
  }

  resume(id: string): StepState {
    return this.#entry(id).steps.resume();
  }

  setBreakpoints(id: string, breakpoints: Breakpoints): StepState {
    return this.#entry(id).steps.setBreakpoints(breakpoints);
  }

  startRecording(id: string): RecordingInfo {
    const entry = this.#entry(id);
    if (entry.recording) throw new Error(`lab ${id} is already recording to ${entry.recording}`);
    const summary = entry.lab.summary();
    const writer = this.recordings.create(undefined, traceHeader(summary), { lab: id });
    const name = basename(writer.path, '.jsonl');
    entry.record(writer, name);
    this.#announce(entry);
    return this.#recordingInfo(name);
  }

  stopRecording(id: string): RecordingInfo {
    const entry = this.#entry(id);
    const name = entry.stopRecording();
    if (!name) throw new Error(`lab ${id} is not recording`);
    this.#announce(entry);
    this.broadcast.recordings(this.recordings.list());
    return this.#recordingInfo(name);
  }

  #recordingInfo(name: string): RecordingInfo {
    const info = this.recordings.list().find((r) => r.name === name);
    if (!info) throw new Error(`recording ${name} vanished`);
    return info;
  }

  deleteRecording(name: string): readonly RecordingInfo[] {
    this.recordings.remove(name);
    const list = this.recordings.list();
    this.broadcast.recordings(list);
    return list;
  }

  async loadRecording(name: string): Promise<TraceFile> {
    const read = await this.recordings.read(name);
    if (!read.ok) throw new Error(read.error);
    return read.file;
  }

  /** Closes every lab (the runtime is stopping). */
  async closeAll(): Promise<void> {
    for (const id of [...this.#labs.keys()]) await this.close(id).catch(() => undefined);
    for (const feed of this.#feeds) feed.close();
  }
}
