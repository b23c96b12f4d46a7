/**
 * Reads a trace file (JSON Lines: the header, then one event per line) and checks every
 * line. The one damage it forgives is the one a killed writer leaves: a last line that
 * was cut short.
 */
import type { TraceEvent } from './schema.js';
import type { TraceFile } from './file-format.js';
import { validateEvent } from './validate.js';
import { validateHeader } from './header.js';

/** A parsed trace file, or the first thing wrong with it (`line N: ...`). */
export type TraceParse = { readonly ok: true; readonly file: TraceFile } | { readonly ok: false; readonly error: string };

/**
 * Parses the text of a trace file. Every line must be valid, with one exception: a last
 * line with no newline after it that is not JSON (the writer was killed mid-line) is
 * dropped, and the result says `truncated: true`.
 */
export function parseTraceFile(text: string): TraceParse {
  if (text.length === 0) return fail('empty file: a trace starts with a sockscope-trace header line');
  const terminated = text.endsWith('\n');
  const lines = (terminated ? text.slice(0, -1) : text).split('\n');
  const isCutLine = (index: number): boolean => !terminated && index === lines.length - 1;

  const headerJson = parseJson(lines[0] ?? '');
  if (!headerJson.ok) {
    return fail(`line 1: ${isCutLine(0) ? 'the header line is cut short' : `the header is not JSON (${headerJson.error})`}`);
  }
  const header = validateHeader(headerJson.value);
  if (!header.ok) return fail(`line 1: ${header.error}`);

  const events: TraceEvent[] = [];
  let truncated = false;
  let lastSeq = -Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const where = `line ${i + 1}`;
    if (line.length === 0) return fail(`${where}: empty line`);
    const json = parseJson(line);
    if (!json.ok) {
      // A cut line never parses: JSON objects end with their closing brace.
      if (isCutLine(i)) {
        truncated = true;
        break;
      }
      return fail(`${where}: not JSON (${json.error})`);
    }
    const check = validateEvent(json.value);
    if (!check.ok) return fail(`${where}: ${check.error}`);
    // seq is the order of arrival: a line out of order or repeated means a damaged file.
    if (check.event.seq <= lastSeq) return fail(`${where}: seq ${check.event.seq} does not follow seq ${lastSeq}`);
    lastSeq = check.event.seq;
    events.push(check.event);
  }
  return { ok: true, file: { header: header.header, events, truncated } };
}

type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

function parseJson(line: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function fail(error: string): TraceParse {
  return { ok: false, error };
}
