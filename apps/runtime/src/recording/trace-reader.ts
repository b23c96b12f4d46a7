/**
 * Reads a trace file from disk. The parsing itself (header, every line, a cut last line
 * forgiven) is core's `parseTraceFile`, which the web app shares.
 */
import { readFile } from 'node:fs/promises';
import { parseTraceFile, type TraceParse } from '@sockscope/core/trace';

export { parseTraceFile, type TraceParse };

/** Reads and parses a trace file; a file that cannot be read is reported like a bad one. */
export async function readTraceFile(path: string): Promise<TraceParse> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return parseTraceFile(text);
}
