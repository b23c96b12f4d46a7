/**
 * Reads a trace file (JSON Lines: the header, then one event per line) and checks every
 * line. The one damage it forgives is the one a killed writer leaves: a last line that
 * was cut short.
 */
import type { TraceEvent } from './schema.js';
import type { TraceFile } from './file-format.js';
import { eventError } from './validate.js';
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
  const body = terminated ? text.length - 1 : text.length;
  // Lines are read in place (no array of a million strings), and each is parsed once.
  const lineEnd = (from: number): number => {
    const at = text.indexOf('\n', from);
    return at === -1 || at > body ? body : at;
  };
  const isCut = (end: number): boolean => !terminated && end === body;

  const headerEnd = lineEnd(0);
  const headerJson = parseJson(text.slice(0, headerEnd));
  if (!headerJson.ok) {
    return fail(`line 1: ${isCut(headerEnd) ? 'the header line is cut short' : `the header is not JSON (${headerJson.error})`}`);
  }
  const header = validateHeader(headerJson.value);
  if (!header.ok) return fail(`line 1: ${header.error}`);

  const events: TraceEvent[] = [];
  let truncated = false;
  let lastSeq = -Infinity;
  let line = 1;
  for (let start = headerEnd + 1; start <= body && headerEnd < body; ) {
    const end = lineEnd(start);
    line++;
    if (end === start) return fail(`line ${line}: empty line`);
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch (err) {
      // A cut line never parses: JSON objects end with their closing brace.
      if (isCut(end)) {
        truncated = true;
        break;
      }
      return fail(`line ${line}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const error = eventError(value);
    if (error !== null) return fail(`line ${line}: ${error}`);
    const event = value as TraceEvent;
    // seq is the order of arrival: a line out of order or repeated means a damaged file.
    if (event.seq <= lastSeq) return fail(`line ${line}: seq ${event.seq} does not follow seq ${lastSeq}`);
    lastSeq = event.seq;
    events.push(event);
    start = end + 1;
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
