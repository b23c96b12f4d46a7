/**
 * What the hub and the scenario runner need of a lab, whichever backend serves it: the
 * port in this process (Lab) or the real CPython module in a python3 child (CPythonLab).
 */
import type { ClientSpec, LabMode, LabState, LabSummary } from '@sockscope/core';

/** A running lab on either backend. */
export interface ServerLab {
  readonly id: string;
  readonly state: LabState;
  /** Starts the server loop: `serve_forever(poll_interval)`, or `handle_request()` `count` times. */
  run(mode?: LabMode, count?: number): void;
  /** Starts scripted clients; returns one entry per client started. */
  spawnClients(specs: readonly ClientSpec[]): readonly unknown[];
  /** `shutdown()` from the main thread (serve_forever only). */
  shutdown(): Promise<void>;
  /** Shuts down, `server_close()`, joins the loop, removes the lab's temp folder. */
  close(): Promise<void>;
  /** Waits for the loop to end (handle_request mode), at most `seconds`. */
  joinLoop(seconds: number): Promise<void>;
  /** What every viewer is told about the lab. */
  summary(recording?: string | null): LabSummary;
}
