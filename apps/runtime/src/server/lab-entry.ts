/**
 * One lab as the hub keeps it: the lab itself, its bounded event log, its step controller
 * and, while recording, the trace file it writes in small batches.
 */
import type { TraceEvent } from '@sockscope/core';
import type { ServerLab } from '../labs/server-lab.js';
import type { TraceWriter } from '../recording/trace-writer.js';
import { StepController } from '../stepping/step-controller.js';
import { LabLog } from '../stream/lab-log.js';

/** How often a recording's buffered events are written out, ms: what a killed runtime may lose. */
const FLUSH_MS = 50;

/** A lab with everything the hub attaches to it. */
export class LabEntry {
  readonly log = new LabLog();
  #lab: ServerLab | null = null;
  #recorder: { writer: TraceWriter; name: string; pending: TraceEvent[]; timer: NodeJS.Timeout } | null = null;

  constructor(
    readonly id: string,
    readonly steps: StepController,
  ) {}

  get lab(): ServerLab {
    if (!this.#lab) throw new Error(`lab ${this.id} is still starting`);
    return this.#lab;
  }

  set lab(lab: ServerLab) {
    this.#lab = lab;
  }

  get recording(): string | null {
    return this.#recorder?.name ?? null;
  }

  /** Takes one event of the lab: into the log and, if recording, into the file's next batch. */
  take(event: TraceEvent): void {
    this.log.append(event);
    this.#recorder?.pending.push(event);
  }

  /**
   * Starts writing to `writer`: first the events the log still holds (so a recording
   * started late still has the lab's beginning, as far as the window reaches), then every
   * further event.
   */
  record(writer: TraceWriter, name: string): void {
    const pending = this.log.recent();
    const recorder = { writer, name, pending, timer: setInterval(() => this.#flush(), FLUSH_MS) };
    recorder.timer.unref();
    this.#recorder = recorder;
  }

  /** Writes what is pending and closes the file. */
  stopRecording(): string | null {
    const rec = this.#recorder;
    if (!rec) return null;
    this.#flush();
    clearInterval(rec.timer);
    rec.writer.close();
    this.#recorder = null;
    return rec.name;
  }

  #flush(): void {
    const rec = this.#recorder;
    if (!rec || rec.pending.length === 0) return;
    rec.writer.append(rec.pending);
    rec.pending = [];
  }
}
