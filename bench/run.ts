/**
 * `npm run bench`: runs every suite of `suites/index.ts`, prints the tables and the
 * targets, and writes `bench/results.json` and `bench/RESULTS.md`.
 *
 *   npm run bench                  the full run (3 rounds; under 10 minutes on 2 cores)
 *   npm run bench -- --quick       small loads, 1 round, under a minute; writes bench/.tmp/
 *   npm run bench -- --only fork   only the named suites (comma-separated; `suite:part` for a part)
 *   npm run bench -- --rounds 5    more rounds
 *
 * Everything runs on loopback; every process started is stopped by its pid at the end of
 * its suite, and all that remain on exit, on an error or on Ctrl-C.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmtDuration } from './lib/format.js';
import { describeMachine, findPython } from './lib/machine.js';
import { Processes, stopOnExit } from './lib/procs.js';
import { renderMarkdownReport, renderTextReport, type Report, type SuiteReport } from './lib/report.js';
import { SUITES } from './suites/index.js';

/** The whole `npm run bench` must stay under this (issue 6). */
const BUDGET_SECONDS = 600;
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

const USAGE = `usage: npm run bench -- [--quick] [--only SUITE,...] [--rounds N]

suites: ${SUITES.map((s) => s.name).join(', ')}
  --quick      small loads, 1 round, no viewer (under a minute); results go to bench/.tmp/, not bench/RESULTS.md
  --only       run only these suites, or parts of one: --only throughput:udp,fork
               (a partial run writes to bench/.tmp/)
  --rounds N   alternating rounds per load (default 3, quick 1)
  --render     measure nothing: write bench/RESULTS.md again from bench/results.json (after editing
               bench/MISSES.md or the intro in bench/lib/report.ts)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string' },
      render: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.render) return render();
  const quick = values.quick;
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const suiteOf = (item: string): string => item.split(':')[0] ?? item;
  const unknown = only?.filter((item) => !SUITES.some((s) => s.name === suiteOf(item))) ?? [];
  if (unknown.length > 0) {
    console.error(`bench: no suite ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const rounds = values.rounds !== undefined ? Number(values.rounds) : quick ? 1 : 3;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
    console.error('bench: --rounds wants an integer from 1 to 20');
    return 2;
  }
  const suites = SUITES.filter((s) => only === undefined || only.some((item) => suiteOf(item) === s.name));
  /** The parts `--only suite:part` names for a suite, or null for all of it. */
  const partsOf = (suite: string): string[] | null => {
    const items = only?.filter((item) => suiteOf(item) === suite) ?? [];
    const parts = items.flatMap((item) => (item.includes(':') ? [item.slice(item.indexOf(':') + 1)] : []));
    return parts.length > 0 && parts.length === items.length ? parts : null;
  };
  const planned = suites.reduce((a, s) => a + (quick ? s.budgetSeconds.quick : s.budgetSeconds.full) * (quick ? 1 : rounds / 3), 0);
  if (planned > BUDGET_SECONDS) console.warn(`bench: the suites plan ${Math.round(planned)} s, over the ${BUDGET_SECONDS} s budget`);

  const python = findPython();
  if (python === null) console.warn('bench: no python3: the CPython rows are skipped');
  const procs = new Processes();
  stopOnExit(procs);
  const tmp = mkdtempSync(join(tmpdir(), 'sockscope-bench-'));
  process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));

  const started = performance.now();
  const date = new Date().toISOString();
  const machine = describeMachine(python?.version ?? null);
  console.log(`sockscope bench${quick ? ' --quick' : ''}: ${suites.map((s) => s.name).join(', ')}; ${rounds} round(s)`);
  console.log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.python ?? 'no python3'}\n`);

  const reports: SuiteReport[] = [];
  let failed = false;
  for (const suite of suites) {
    const t0 = performance.now();
    const ctx = { quick, rounds, python: python?.executable ?? null, parts: partsOf(suite.name), procs, tmp, log: (line: string) => console.log(line) };
    try {
      const result = await suite.run(ctx);
      reports.push({ name: suite.name, title: suite.title, seconds: (performance.now() - t0) / 1000, ...result });
    } catch (err) {
      failed = true;
      const error = err instanceof Error ? err.message : String(err);
      console.error(`bench: suite ${suite.name} failed: ${error}`);
      reports.push({ name: suite.name, title: suite.title, seconds: (performance.now() - t0) / 1000, tables: [], targets: [], notes: [], data: null, error });
    } finally {
      await procs.stopAll();
    }
  }

  const report: Report = { date, quick, rounds, seconds: (performance.now() - started) / 1000, machine, suites: reports };
  console.log(`\n${renderTextReport(report)}`);
  const partial = quick || only !== undefined || rounds < 3;
  const outDir = partial ? join(BENCH_DIR, '.tmp') : BENCH_DIR;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, 1)}\n`);
  writeFileSync(join(outDir, 'RESULTS.md'), renderMarkdownReport(report, explanations()));
  console.log(`\nwrote ${join(outDir, 'RESULTS.md')} and results.json in ${fmtDuration(report.seconds)}`);
  if (report.seconds > BUDGET_SECONDS) console.warn(`bench: over the ${BUDGET_SECONDS} s budget`);
  return failed ? 1 : 0;
}

/** The hand-written explanations of the missed targets, shown under the targets table. */
function explanations(): string {
  const file = join(BENCH_DIR, 'MISSES.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** `--render`: RESULTS.md again from results.json. */
function render(): number {
  const report = JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8')) as Report;
  writeFileSync(join(BENCH_DIR, 'RESULTS.md'), renderMarkdownReport(report, explanations()));
  console.log(`wrote ${join(BENCH_DIR, 'RESULTS.md')} from results.json (${report.date})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
