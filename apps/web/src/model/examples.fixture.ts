/** Loads the bundled example traces (public/examples) for the web app's unit tests. */
import { readFileSync } from 'node:fs';
import { parseTraceFile, type TraceFile } from '@sockscope/core/trace';
import { TraceModel } from './trace-model.js';

/** The parsed example trace `name` (without `.jsonl`). */
export function exampleFile(name: string): TraceFile {
  const parsed = parseTraceFile(readFileSync(new URL(`../../public/examples/${name}.jsonl`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.file;
}

/** A model of the example trace `name`. */
export function exampleModel(name: string): TraceModel {
  const model = new TraceModel();
  model.append(exampleFile(name).events);
  return model;
}
