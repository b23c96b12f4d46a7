/**
 * What the web app asks of the CPython backend: the installed CPython's sources (read now,
 * from the user's own python3; sockscope ships none), the scenarios the runtime ships, and
 * one scenario run on both backends for a side-by-side view.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendComparison, CPythonSources, ScenarioInfo } from '@sockscope/core';
import { loadScenario } from '../scenario/load-scenario.js';
import { recordTrace } from '../scenario/record-trace.js';
import { findPython, PYTHON_PACKAGE_ROOT } from './python-env.js';

/** The scenario files the runtime ships. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

let sources: Promise<CPythonSources> | null = null;

/** socketserver.py as the runtime's python3 has it, and the CPython labs' module. */
export function cpythonSources(): Promise<CPythonSources> {
  sources ??= readSources().catch((err: unknown) => {
    sources = null;
    throw err;
  });
  return sources;
}

async function readSources(): Promise<CPythonSources> {
  const python = await findPython();
  const path = await new Promise<string>((resolve, reject) =>
    execFile(python.executable, ['-c', 'import socketserver; print(socketserver.__file__)'], (error, stdout) => {
      if (error) reject(new Error(`could not find socketserver.py: ${error.message}`));
      else resolve(stdout.trim());
    }),
  );
  const labs = join(PYTHON_PACKAGE_ROOT, 'sockscope_cpython', 'labs.py');
  return {
    version: `CPython ${python.version}`,
    executable: python.executable,
    modules: [
      { module: 'socketserver', path, text: readFileSync(path, 'utf8') },
      { module: 'sockscope_cpython.labs', path: labs, text: readFileSync(labs, 'utf8') },
    ],
  };
}

/** The shipped scenarios, by name, with their descriptions. */
export function listScenarios(): ScenarioInfo[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const scenario = loadScenario(join(SCENARIO_DIR, f));
      return { name, description: scenario.description ?? '', description_zh: scenario.description_zh ?? '' };
    });
}

let running: Promise<unknown> = Promise.resolve();

/** Runs a shipped scenario on the port, then on CPython; one comparison at a time per runtime. */
export function compareScenario(name: string): Promise<BackendComparison> {
  if (!listScenarios().some((s) => s.name === name)) {
    return Promise.reject(new Error(`no scenario ${JSON.stringify(name)}; known: ${listScenarios().map((s) => s.name).join(', ')}`));
  }
  const scenario = loadScenario(join(SCENARIO_DIR, `${name}.json`));
  const result = running.then(async () => {
    await findPython();
    const core = await recordTrace(scenario, 'core');
    const cpython = await recordTrace(scenario, 'cpython');
    return { scenario: name, core, cpython };
  });
  running = result.catch(() => undefined);
  return result;
}
