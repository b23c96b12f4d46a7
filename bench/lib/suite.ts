/**
 * What a benchmark suite is: `run.ts` runs every suite in `suites/index.ts` in order and
 * gathers their tables, target checks and notes into one report. A new part of the
 * benchmark is a new Suite added to that list.
 */
import type { Table } from './format.js';
import type { Processes } from './procs.js';
import type { TargetCheck } from './targets.js';

/** What every suite gets. */
export interface SuiteContext {
  /** `--quick`: a small run for development (the whole bench in under a minute). */
  readonly quick: boolean;
  /** Rounds of alternating measurements (3 full, 1 quick, or `--rounds`). */
  readonly rounds: number;
  /** The `python3` to run CPython's socketserver with, or null when there is none. */
  readonly python: string | null;
  /** `--only suite:part,…`: the parts (e.g. load groups) of this suite to run; null runs all. */
  readonly parts: readonly string[] | null;
  /** Where every process is registered, to be stopped by pid. */
  readonly procs: Processes;
  /** A temporary folder for this run (Unix socket paths…), removed at the end. */
  readonly tmp: string;
  /** Progress lines for the terminal (not in the report). */
  log(line: string): void;
}

/** What a suite returns. */
export interface SuiteResult {
  readonly tables: readonly Table[];
  readonly targets: readonly TargetCheck[];
  /** Paragraphs for RESULTS.md under the suite's tables (Markdown). */
  readonly notes: readonly string[];
  /** The raw figures, for results.json. */
  readonly data: unknown;
}

/** One part of the benchmark. */
export interface Suite {
  /** A short id: `--only` selects suites by it. */
  readonly name: string;
  readonly title: string;
  /** About how long it takes (seconds): what the 10-minute budget is checked against. */
  readonly budgetSeconds: { readonly full: number; readonly quick: number };
  run(ctx: SuiteContext): Promise<SuiteResult>;
}
