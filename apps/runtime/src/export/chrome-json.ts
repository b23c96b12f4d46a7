/**
 * The text of an exported Chrome trace, one event per line, produced in pieces: a big
 * trace is written without building one huge string (and stays diffable).
 */
import type { ChromeTrace } from './chrome-format.js';

/** Yields the JSON text of `trace` in pieces of roughly `chunkSize` characters. */
export function* chromeTraceChunks(trace: ChromeTrace, chunkSize = 1 << 20): Generator<string> {
  let buffer = '{"traceEvents":[\n';
  const last = trace.traceEvents.length - 1;
  for (const [i, event] of trace.traceEvents.entries()) {
    buffer += `${JSON.stringify(event)}${i < last ? ',' : ''}\n`;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}],\n"displayTimeUnit":${JSON.stringify(trace.displayTimeUnit)},\n"otherData":${JSON.stringify(trace.otherData)}}\n`;
}
