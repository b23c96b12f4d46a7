/**
 * Opening trace files in the browser: a File (the open button, drag and drop) or a URL
 * (the bundled examples, a recording of the runtime). A bad file never throws: the result
 * names the file and what is wrong, by line (`line 7: ...`), so the app can say so and
 * carry on.
 */
import { parseTraceFile, type TraceFile } from '@sockscope/core/trace';

/** The largest trace file opened in the browser (the runtime's recordings stop at 200 MiB). */
export const MAX_TRACE_BYTES = 200 * 1024 * 1024;

/** Where a trace came from: a URL can be named in a link, a local file cannot. */
export type TraceSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'live'; readonly lab: string };

/** A trace that opened, or why it did not. */
export type TraceLoad =
  | { readonly ok: true; readonly name: string; readonly file: TraceFile }
  | { readonly ok: false; readonly name: string; readonly error: string };

/** Parses the text of a trace file called `name`. */
export function parseTrace(text: string, name: string): TraceLoad {
  const parsed = parseTraceFile(text);
  return parsed.ok ? { ok: true, name, file: parsed.file } : { ok: false, name, error: parsed.error };
}

/** Reads a File chosen or dropped by the user. */
export async function readTraceFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<TraceLoad> {
  if (file.size > MAX_TRACE_BYTES) {
    return { ok: false, name: file.name, error: `the file is ${mib(file.size)}; the largest trace this page opens is ${mib(MAX_TRACE_BYTES)}` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, name: file.name, error: `could not read the file (${describe(err)})` };
  }
  return parseTrace(text, file.name);
}

/** Fetches and parses a trace at `url` (relative to the page). */
export async function fetchTrace(url: string, fetcher: typeof fetch = fetch): Promise<TraceLoad> {
  const name = url.split('/').pop() ?? url;
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (err) {
    return { ok: false, name, error: `could not fetch ${url} (${describe(err)})` };
  }
  if (!response.ok) return { ok: false, name, error: `could not fetch ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  return parseTrace(await response.text(), name);
}

/** The file name of a trace, without folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One bundled example, as `examples/index.json` lists it. */
export interface ExampleEntry {
  readonly file: string;
  readonly title: string;
  readonly title_zh?: string;
}

/** Reads the list of bundled examples; an unreadable list is an empty one (and says why). */
export async function fetchExamples(
  url = 'examples/index.json',
  fetcher: typeof fetch = fetch,
): Promise<{ readonly examples: readonly ExampleEntry[]; readonly error: string | null }> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return { examples: [], error: `${url}: HTTP ${response.status}` };
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) return { examples: [], error: `${url}: not a list` };
    const examples = list.filter(
      (e): e is ExampleEntry =>
        typeof e === 'object' && e !== null && typeof (e as ExampleEntry).file === 'string' && typeof (e as ExampleEntry).title === 'string',
    );
    return { examples, error: null };
  } catch (err) {
    return { examples: [], error: `${url}: ${describe(err)}` };
  }
}
