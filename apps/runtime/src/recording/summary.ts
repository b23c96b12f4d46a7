/**
 * A cheap summary of a trace file for listings: reads it in chunks, counting lines,
 * and parses only the header and the last line. (Reading a recording checks every line;
 * listing a folder of big recordings must not.)
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { TraceHeader } from '@sockscope/core/trace';
import { validateHeader } from '@sockscope/core/trace';

/** What a listing needs to know about a trace file. */
export interface TraceSummary {
  /** The header, or null when the first line is not a valid header. */
  readonly header: TraceHeader | null;
  /** Whole event lines (a cut last line is not counted). */
  readonly events: number;
  readonly bytes: number;
  /** A valid header, and no cut last line. */
  readonly complete: boolean;
}

const CHUNK = 1 << 20;
/** Longer first lines are not headers this runtime writes (they are a few KiB). */
const MAX_HEADER = 1 << 20;
const NEWLINE = 0x0a;

/** Summarizes the trace file at `path`. Throws if it cannot be read. */
export function summarizeTraceFile(path: string): TraceSummary {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let bytes = 0;
    let newlines = 0;
    let head: Buffer[] | null = [];
    let headSize = 0;
    let headLine: string | null = null;
    // The bytes after the last newline seen so far (the unterminated last line).
    let tail: Buffer[] = [];
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, bytes);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      bytes += n;
      if (head !== null) {
        const end = chunk.indexOf(NEWLINE);
        head.push(Buffer.from(end === -1 ? chunk : chunk.subarray(0, end)));
        headSize += end === -1 ? n : end;
        if (end !== -1 || headSize > MAX_HEADER) {
          headLine = Buffer.concat(head).toString('utf8');
          head = null;
        }
      }
      const last = chunk.lastIndexOf(NEWLINE);
      if (last === -1) {
        tail.push(Buffer.from(chunk));
      } else {
        newlines += countNewlines(chunk);
        tail = [Buffer.from(chunk.subarray(last + 1))];
      }
    }
    // A file with no newline at all is just a header line (whole or cut).
    if (head !== null) headLine = Buffer.concat(head).toString('utf8');
    const header = headLine === null ? null : headerOf(headLine);
    const tailText = Buffer.concat(tail).toString('utf8');
    // Lines: one per newline, plus the unterminated tail if it is a whole event.
    const tailComplete = tailText.length === 0 || parses(tailText);
    const lines = newlines + (tailText.length > 0 && tailComplete ? 1 : 0);
    return { header, events: Math.max(0, lines - 1), bytes, complete: header !== null && tailComplete };
  } finally {
    closeSync(fd);
  }
}

function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

function headerOf(line: string): TraceHeader | null {
  if (!parses(line)) return null;
  const check = validateHeader(JSON.parse(line));
  return check.ok ? check.header : null;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
