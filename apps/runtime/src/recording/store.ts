/**
 * The recordings folder: one JSON Lines trace file per recording. Bounded, so a
 * long-running runtime cannot fill the disk: at most `maxRecordings` files, each at most
 * `maxBytes` long.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RecordingInfo, TraceHeader } from '@sockscope/core/trace';
import { checkRecordingName, defaultRecordingName, RECORDING_EXT } from './names.js';
import { summarizeTraceFile, type TraceSummary } from './summary.js';
import { readTraceFile, type TraceParse } from './trace-reader.js';
import { TraceWriter } from './trace-writer.js';

/** The limits of a store. */
export interface RecordingStoreOptions {
  /** The most recordings the folder may hold (default 200). */
  readonly maxRecordings?: number;
  /** The largest a recording may grow, in bytes (default 200 MiB). */
  readonly maxBytes?: number;
}

/** Extra facts about a new recording. */
export interface CreateRecordingOptions {
  /** The live lab it records, shown in listings while this store is alive. */
  readonly lab?: string | null;
}

/** A refused store operation (bad name, unknown recording, a limit reached). */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

/** How many recordings a store holds unless told otherwise. */
export const DEFAULT_MAX_RECORDINGS = 200;
/** How large a recording may grow unless told otherwise: 200 MiB. */
export const DEFAULT_MAX_RECORDING_BYTES = 200 * 1024 * 1024;

interface Cached {
  readonly size: number;
  readonly mtimeMs: number;
  readonly summary: TraceSummary;
}

/** A folder of `*.jsonl` recordings. */
export class RecordingStore {
  readonly dir: string;
  readonly maxRecordings: number;
  readonly maxBytes: number;
  /** Writers this store handed out, by name: their lab, and whether they still write. */
  readonly #writers = new Map<string, { readonly writer: TraceWriter; readonly lab: string | null }>();
  /** Summaries by name, reused while a file's size and mtime stay the same. */
  readonly #summaries = new Map<string, Cached>();

  /** Uses (and creates, if needed) the folder `dir`. */
  constructor(dir: string, options: RecordingStoreOptions = {}) {
    this.dir = resolve(dir);
    this.maxRecordings = options.maxRecordings ?? DEFAULT_MAX_RECORDINGS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORDING_BYTES;
    mkdirSync(this.dir, { recursive: true });
  }

  /** The file of recording `name` (which need not exist). Throws RecordingError for a bad name. */
  path(name: string): string {
    const check = checkRecordingName(name);
    if (!check.ok) throw new RecordingError(check.error);
    const file = join(this.dir, `${check.name}${RECORDING_EXT}`);
    // The name rules already forbid separators; this is the belt to those braces.
    if (dirname(file) !== this.dir) throw new RecordingError(`invalid recording name ${JSON.stringify(name)}`);
    return file;
  }

  /**
   * Starts a recording: creates its file with `header` and returns the writer, which stops
   * at `maxBytes`. Without a name, one is made from the time and the server class.
   */
  create(name: string | undefined, header: TraceHeader, options: CreateRecordingOptions = {}): TraceWriter {
    const names = this.#names();
    if (names.length >= this.maxRecordings) {
      throw new RecordingError(`the recordings folder already holds ${names.length} recordings (the limit is ${this.maxRecordings}): delete some first`);
    }
    const file = name === undefined ? this.#freshPath(header.server_class) : this.path(name);
    if (existsSync(file)) throw new RecordingError(`a recording named ${JSON.stringify(nameOf(file))} already exists`);
    const writer = new TraceWriter(file, header, { maxBytes: this.maxBytes });
    this.#writers.set(nameOf(file), { writer, lab: options.lab ?? null });
    return writer;
  }

  /** Every recording in the folder, oldest first. */
  list(): RecordingInfo[] {
    const infos = this.#names().map((name) => this.#info(name));
    return infos.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.name.localeCompare(b.name));
  }

  /** Reads and checks a whole recording. Never throws: a bad name or file is an error result. */
  async read(name: string): Promise<TraceParse> {
    let file: string;
    try {
      file = this.path(name);
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
    if (!existsSync(file)) return { ok: false, error: `no recording named ${JSON.stringify(name)}` };
    return readTraceFile(file);
  }

  /** Deletes a recording. Refuses one that is still being written. */
  remove(name: string): void {
    const file = this.path(name);
    const key = nameOf(file);
    if (!existsSync(file)) throw new RecordingError(`no recording named ${JSON.stringify(name)}`);
    const active = this.#writers.get(key);
    if (active !== undefined && !active.writer.closed) {
      throw new RecordingError(`recording ${JSON.stringify(key)} is still being written: stop it first`);
    }
    rmSync(file);
    this.#writers.delete(key);
    this.#summaries.delete(key);
  }

  /** The names of the recordings in the folder (files only: a folder named x.jsonl is not one). */
  #names(): string[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(RECORDING_EXT) && checkRecordingName(entry.name).ok)
      .map((entry) => entry.name.slice(0, -RECORDING_EXT.length));
  }

  #info(name: string): RecordingInfo {
    const file = join(this.dir, `${name}${RECORDING_EXT}`);
    const stat = statSync(file);
    let cached = this.#summaries.get(name);
    if (cached?.size !== stat.size || cached.mtimeMs !== stat.mtimeMs) {
      cached = { size: stat.size, mtimeMs: stat.mtimeMs, summary: summarizeTraceFile(file) };
      this.#summaries.set(name, cached);
    }
    const { header, events, bytes, complete } = cached.summary;
    return {
      name,
      lab: this.#writers.get(name)?.lab ?? null,
      server_class: header?.server_class ?? '(invalid header)',
      events,
      bytes,
      created_at: header?.created_at ?? stat.mtime.toISOString(),
      complete,
      ...(header ? { backend: header.backend } : {}),
      ...(header?.backend_version === undefined ? {} : { backend_version: header.backend_version }),
    };
  }

  /** A path for a new unnamed recording that no file has yet. */
  #freshPath(serverClass: string): string {
    const base = defaultRecordingName(serverClass).slice(0, 72);
    for (let i = 1; ; i++) {
      const file = this.path(i === 1 ? base : `${base}-${i}`);
      if (!existsSync(file)) return file;
    }
  }
}

/** A recording's name from its file path. */
function nameOf(file: string): string {
  return file.slice(dirname(file).length + 1, -RECORDING_EXT.length);
}
