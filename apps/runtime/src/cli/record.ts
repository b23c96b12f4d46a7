/** `sockscope record SCENARIO.json --out TRACE.jsonl`: runs a scenario headlessly and records its trace. */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { setStderr, type Backend, type TraceEvent } from '@sockscope/core';
import { TraceWriter } from '../recording/trace-writer.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { runScenario } from '../scenario/run-scenario.js';
import { traceHeader } from '../server/trace-header.js';
import { err, out } from './io.js';
import { EXIT_FAILURE, EXIT_OK, messageOf, showHelp, usageError } from './usage.js';

/** The help of `sockscope record`. */
export const RECORD_USAGE = `
usage: sockscope record SCENARIO.json [--backend core|cpython] [--out TRACE.jsonl] [--force]

Runs a scenario (a server class, a handler, options and scripted clients) with no
browser, and writes its trace as it goes: on the TypeScript port of socketserver, or on
the real CPython socketserver of your python3 (3.8 or newer).

options:
  -b, --backend B  core (the TypeScript port, default) or cpython (the real module)
  -o, --out FILE   where to write the trace (default: the scenario's name with .jsonl)
  -f, --force      replace FILE if it exists
  -h, --help       show this help
`;

/** How often buffered events are written, ms. */
const FLUSH_MS = 50;

/** Runs `sockscope record`; returns the exit status. */
export async function recordCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { backend: { type: 'string', short: 'b' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (thrown) {
    return usageError('sockscope record', messageOf(thrown), RECORD_USAGE);
  }
  if (parsed.values.help === true) return showHelp(RECORD_USAGE);
  const [scenarioPath, ...extra] = parsed.positionals;
  if (scenarioPath === undefined) return usageError('sockscope record', 'which scenario? (give SCENARIO.json)', RECORD_USAGE);
  if (extra.length > 0) return usageError('sockscope record', 'one scenario at a time', RECORD_USAGE);
  const backend = parsed.values.backend ?? 'core';
  if (backend !== 'core' && backend !== 'cpython') {
    return usageError('sockscope record', `--backend is "core" or "cpython", not ${JSON.stringify(backend)}`, RECORD_USAGE);
  }
  const outPath = parsed.values.out ?? `${basename(scenarioPath).replace(/\.json$/, '')}.jsonl`;
  if (existsSync(outPath) && parsed.values.force !== true) {
    err(`error: ${outPath} exists (use --force to replace it)\n`);
    return EXIT_FAILURE;
  }
  try {
    const count = await record(scenarioPath, outPath, backend);
    out(`recorded ${count} events to ${outPath}\n`);
    return EXIT_OK;
  } catch (thrown) {
    err(`error: ${messageOf(thrown)}\n`);
    return EXIT_FAILURE;
  }
}

/** Runs the scenario, streaming its events into the file; returns how many were written. */
async function record(scenarioPath: string, outPath: string, backend: Backend): Promise<number> {
  const scenario = loadScenario(scenarioPath);
  let pending: TraceEvent[] = [];
  let writer: TraceWriter | null = null;
  const flush = (): void => {
    if (!writer || pending.length === 0) return;
    writer.append(pending);
    pending = [];
  };
  const timer = setInterval(flush, FLUSH_MS);
  // Tracebacks of the lab's handlers are in the trace; keep the terminal for our own messages.
  const oldStderr = setStderr({ write: () => undefined });
  try {
    await runScenario(
      scenario,
      (event) => pending.push(event),
      (summary) => (writer = new TraceWriter(outPath, traceHeader(summary, scenario), { overwrite: true })),
      backend,
    );
    flush();
    return (writer as TraceWriter | null)?.events ?? 0;
  } finally {
    clearInterval(timer);
    setStderr(oldStderr);
    (writer as TraceWriter | null)?.close();
  }
}
