/** Reading a scenario file: JSON, then the schema, with errors that say what and where. */
import { readFileSync } from 'node:fs';
import type { Scenario } from '@sockscope/core';
import { describeIssues, scenarioSchema } from '../protocol/schemas.js';

/** Parses scenario text; throws an Error naming the file and the field. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Reads and parses a scenario file. */
export function loadScenario(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'), path);
}
