/** The targets: each one a wanted minimum of a measured ratio, judged PASS or MISS. */
import { fmtRatio, type Table } from './format.js';

/** PASS: measured ≥ wanted; MISS: below; N/A: not measured (e.g. no python3). */
export type Verdict = 'PASS' | 'MISS' | 'N/A';

/** One target and where it stands. */
export interface TargetCheck {
  /** Which suite checked it. */
  readonly suite: string;
  /** What is wanted, in words: `ThreadingTCPServer, connect per request, queue 128: ≥ 2× CPython`. */
  readonly text: string;
  /** The wanted minimum of `value`. */
  readonly min: number;
  /** The measured ratio, or null. */
  readonly value: number | null;
  readonly verdict: Verdict;
  /** How the value was obtained, or why it is missing. */
  readonly detail: string;
}

/** PASS when `value` ≥ `min` (with a 0.5 % allowance for rounding), MISS below, N/A without a value. */
export function judge(value: number | null | undefined, min: number): Verdict {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'N/A';
  return value >= min * 0.995 ? 'PASS' : 'MISS';
}

/** A check of `value` against `min`. */
export function check(suite: string, text: string, min: number, value: number | null, detail: string): TargetCheck {
  return { suite, text, min, value, verdict: judge(value, min), detail };
}

/** The targets as a table: what is wanted, what was measured, PASS / MISS. */
export function targetsTable(checks: readonly TargetCheck[]): Table {
  return {
    title: 'Targets',
    columns: ['target', 'wanted', 'measured', 'verdict', 'how'],
    numeric: [false, true, true, false, false],
    rows: checks.map((c) => [c.text, `≥ ${fmtRatio(c.min)}`, fmtRatio(c.value), c.verdict, c.detail]),
  };
}

/** How many checks have each verdict. */
export function tally(checks: readonly TargetCheck[]): Record<Verdict, number> {
  const t: Record<Verdict, number> = { PASS: 0, MISS: 0, 'N/A': 0 };
  for (const c of checks) t[c.verdict]++;
  return t;
}
