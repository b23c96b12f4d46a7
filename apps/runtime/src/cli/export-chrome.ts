/** `sockscope export-chrome TRACE.jsonl --out TRACE.json`: a trace for Perfetto / chrome://tracing. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toChromeTrace } from '../export/chrome.js';
import { chromeTraceChunks } from '../export/chrome-json.js';
import { readTraceFile } from '../recording/trace-reader.js';
import { err, out } from './io.js';
import { EXIT_FAILURE, EXIT_OK, messageOf, showHelp, usageError } from './usage.js';

/** The help of `sockscope export-chrome`. */
export const EXPORT_CHROME_USAGE = `
usage: sockscope export-chrome TRACE.jsonl [--out TRACE.json] [--polling]

Converts a trace file to Chrome's Trace Event Format, to open in https://ui.perfetto.dev
or chrome://tracing: a track per process (the server, each forked child) and thread, a
slice per method call (Class.method), an instant per socket, thread and process event
with its data, and arrows from each thread spawn and fork to the new thread or child.

options:
  -o, --out FILE   where to write (default: TRACE.jsonl with .jsonl replaced by .json;
                   - writes to stdout)
  --polling        keep the selector's idle polling (select_wait, select_timeout)
  -h, --help       show this help
`;

/** Runs `sockscope export-chrome` with the arguments after the command name; returns the exit status. */
export async function exportChromeCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string', short: 'o' },
        polling: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (thrown) {
    return usageError('sockscope export-chrome', messageOf(thrown), EXPORT_CHROME_USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return showHelp(EXPORT_CHROME_USAGE);
  const [input, ...extra] = positionals;
  if (input === undefined) return usageError('sockscope export-chrome', 'which trace file? (give TRACE.jsonl)', EXPORT_CHROME_USAGE);
  if (extra.length > 0) return usageError('sockscope export-chrome', `one trace file at a time (got ${positionals.length})`, EXPORT_CHROME_USAGE);
  const output = values.out ?? defaultOutput(input);
  if (output === input) return usageError('sockscope export-chrome', 'the output would overwrite the trace itself', EXPORT_CHROME_USAGE);

  const result = await readTraceFile(input);
  if (!result.ok) {
    err(`error: ${result.error}\n`);
    return EXIT_FAILURE;
  }
  const trace = toChromeTrace(result.file, { polling: values.polling === true });
  // With --out -, stdout carries the JSON: the notes go to stderr.
  const note = output === '-' ? err : out;
  if (result.file.truncated) note(`note: the last line of ${input} was cut short and was dropped\n`);
  try {
    if (output === '-') for (const chunk of chromeTraceChunks(trace)) out(chunk);
    else writeChunks(output, chromeTraceChunks(trace));
  } catch (thrown) {
    err(`error: cannot write ${output}: ${messageOf(thrown)}\n`);
    return EXIT_FAILURE;
  }
  if (output !== '-') {
    note(`wrote ${output}: ${trace.traceEvents.length} trace events from ${result.file.events.length} events (open it in https://ui.perfetto.dev or chrome://tracing)\n`);
  }
  return EXIT_OK;
}

/** `run.jsonl` → `run.json`; any other name gets `.json` added. */
export function defaultOutput(input: string): string {
  return input.endsWith('.jsonl') ? input.slice(0, -1) : `${input}.json`;
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
