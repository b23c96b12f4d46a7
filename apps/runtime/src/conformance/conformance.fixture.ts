/**
 * Test support for differential conformance: the shipped scenarios, their canonical forms on
 * either backend, a small pool that runs recordings a few at a time, and failure messages
 * that show the diff.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setStderr, type Backend, type TextStream } from '@sockscope/core';
import { canonicalize, diffCanon, formatCanon, formatCanonDiff } from '@sockscope/core/trace';
import { loadScenario } from '../scenario/load-scenario.js';
import { recordTrace } from '../scenario/record-trace.js';

/** The folder of the shipped scenarios. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

/** The shipped scenarios' names (file names without `.json`), sorted. */
export function scenarioNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Runs the shipped scenario `name` on `backend` and returns its canonical text. */
export async function canonOfScenario(name: string, backend: Backend): Promise<string> {
  const file = await recordTrace(loadScenario(join(SCENARIO_DIR, `${name}.json`)), backend);
  return formatCanon(canonicalize(file.header, file.events));
}

/** A promise's outcome, so that a failure waits for its test instead of going unhandled. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Starts `tasks` at most `concurrency` at a time; each result settles when its task does. */
export function runPool<T>(tasks: ReadonlyArray<() => Promise<T>>, concurrency: number): Array<Promise<Settled<T>>> {
  const resolvers: Array<(result: Settled<T>) => void> = [];
  const results = tasks.map(() => new Promise<Settled<T>>((resolve) => resolvers.push(resolve)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i] as () => Promise<T>;
      let result: Settled<T>;
      try {
        result = { ok: true, value: await task() };
      } catch (error) {
        result = { ok: false, error };
      }
      resolvers[i]?.(result);
    }
  };
  for (let w = 0; w < Math.min(concurrency, tasks.length); w++) void worker();
  return results;
}

/** The value of a settled result; rethrows its failure. */
export function valueOf<T>(result: Settled<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** A failure message: what differs, as a unified diff of the two canonical texts. */
export function diffMessage(title: string, a: string, b: string, labels: readonly [string, string]): string {
  return `${title}\n--- ${labels[0]}\n+++ ${labels[1]}\n${formatCanonDiff(diffCanon(a, b))}`;
}

/**
 * Silences `sys.stderr` for a suite (the handlers' tracebacks are in the traces) and gives
 * back a function that restores it. recordTrace swaps it too; with runs in parallel the
 * swaps interleave, so the suite puts the original back itself at the end.
 */
export function quietStderr(): () => void {
  const original: TextStream = setStderr({ write: () => undefined });
  return () => void setStderr(original);
}
