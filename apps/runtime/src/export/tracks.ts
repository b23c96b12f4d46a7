/**
 * The tracks of a Chrome trace: one process per pid (the server, its forked children)
 * and one thread per (pid, tid), named and ordered by metadata events.
 */
import type { TraceFile } from '@sockscope/core/trace';
import type { ChromeMetadataEvent } from './chrome-format.js';

/** A thread as the trace first shows it. */
export interface TrackThread {
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
}

/** The processes and threads of a trace, in order of first appearance. */
export interface Tracks {
  /** pid → its track name (`server ThreadingTCPServer`, `child 4242`). */
  readonly processes: ReadonlyMap<number, string>;
  /** `pid:tid` → the thread. */
  readonly threads: ReadonlyMap<string, TrackThread>;
}

/** The key of a (pid, tid) track. */
export function trackKey(pid: number, tid: number): string {
  return `${pid}:${tid}`;
}

/** Finds the tracks of a trace. The server is the first pid that is not a forked child. */
export function findTracks(file: TraceFile): Tracks {
  const children = new Set<number>();
  for (const event of file.events) {
    if (event.kind === 'fork') children.add(event.child_pid);
    if (event.kind === 'child_start') children.add(event.pid);
  }
  const processes = new Map<number, string>();
  const threads = new Map<string, TrackThread>();
  let server: number | undefined;
  for (const { pid, tid, thread } of file.events) {
    if (!processes.has(pid)) {
      if (children.has(pid)) processes.set(pid, `child ${pid}`);
      else if (server === undefined) processes.set((server = pid), `server ${file.header.server_class}`);
      else processes.set(pid, `process ${pid}`);
    }
    const key = trackKey(pid, tid);
    if (!threads.has(key)) threads.set(key, { pid, tid, name: thread });
  }
  return { processes, threads };
}

/** The metadata events that name and order the tracks. */
export function trackMetadata(tracks: Tracks): ChromeMetadataEvent[] {
  const out: ChromeMetadataEvent[] = [];
  let index = 0;
  for (const [pid, name] of tracks.processes) {
    out.push({ ph: 'M', name: 'process_name', pid, tid: 0, args: { name } });
    out.push({ ph: 'M', name: 'process_sort_index', pid, tid: 0, args: { sort_index: index++ } });
  }
  for (const { pid, tid, name } of tracks.threads.values()) {
    out.push({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
    out.push({ ph: 'M', name: 'thread_sort_index', pid, tid, args: { sort_index: tid } });
  }
  return out;
}
