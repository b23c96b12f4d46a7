/**
 * Saving what is on screen: the trace as a `.jsonl` file (a header line, then one event
 * per line — the same format the runtime records, so it reopens here or in
 * `npx sockscope validate`), and a Chrome Trace JSON file for Perfetto.
 */
import {
  TRACE_FILE_FORMAT,
  TRACE_FILE_VERSION,
  TRACE_SCHEMA_VERSION,
  type LabDescription,
  type Scenario,
  type TraceEvent,
  type TraceHeader,
} from '@sockscope/core/trace';
import { toChromeTrace } from './chrome-export.js';

/** A trace header for events of a lab or file described by `description`. */
export function traceHeader(description: LabDescription, scenario: Scenario | null = null, createdAt = new Date()): TraceHeader {
  return {
    format: TRACE_FILE_FORMAT,
    version: TRACE_FILE_VERSION,
    schema_version: TRACE_SCHEMA_VERSION,
    backend: description.backend,
    created_at: createdAt.toISOString(),
    scenario,
    server_class: description.server_class,
    mro: description.mro,
    resolution: description.resolution,
    handler: description.handler,
    handler_class: description.handler_class,
    handler_mro: description.handler_mro,
    handler_resolution: description.handler_resolution,
    options: description.options,
  };
}

/** The text of a trace file: the header line, then one event per line. */
export function traceJsonl(header: TraceHeader, events: readonly TraceEvent[]): string {
  const lines = [JSON.stringify(header)];
  for (const e of events) lines.push(JSON.stringify(e));
  return `${lines.join('\n')}\n`;
}

/** A file name from a label: letters, digits, `._-` only. */
export function safeFileName(label: string, extension: string): string {
  const stem = label.replace(/\.(jsonl|json)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'trace';
  return `${stem}${extension}`;
}

/** Lets the browser save `text` as `name`. */
export function saveText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the trace as `.jsonl`. */
export function downloadTrace(label: string, header: TraceHeader, events: readonly TraceEvent[]): void {
  saveText(safeFileName(label, '.jsonl'), traceJsonl(header, events), 'application/x-ndjson');
}

/** Saves the trace as Chrome Trace JSON (open it in ui.perfetto.dev or chrome://tracing). */
export function downloadChromeTrace(label: string, description: LabDescription | null, events: readonly TraceEvent[]): void {
  saveText(safeFileName(label, '.chrome.json'), JSON.stringify(toChromeTrace(events, description)), 'application/json');
}
