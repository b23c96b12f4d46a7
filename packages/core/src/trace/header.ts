/**
 * Checks the first line of a trace file: that it is a sockscope trace of a version this
 * runtime reads, with every field the viewers rely on.
 */
import { TRACE_FILE_FORMAT, TRACE_FILE_VERSION, type TraceHeader } from './file-format.js';
import { TRACE_SCHEMA_VERSION } from './schema.js';

/** The result of checking a header: the header, or what is wrong with it. */
export type HeaderCheck = { readonly ok: true; readonly header: TraceHeader } | { readonly ok: false; readonly error: string };

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isObject: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList: Check = (v) => Array.isArray(v) && v.every(isString);
const isStringRecord: Check = (v) => isObject(v) && Object.values(v as object).every(isString);

/** The fields beyond format/version, each with its check and how to say it is wrong. */
const FIELDS: Record<string, readonly [Check, string]> = {
  schema_version: [(v) => typeof v === 'number' && Number.isInteger(v), 'an integer'],
  backend: [(v) => v === 'core' || v === 'cpython', '"core" or "cpython"'],
  created_at: [isString, 'a string'],
  scenario: [(v) => v === null || isObject(v), 'an object or null'],
  server_class: [isString, 'a string'],
  mro: [isStringList, 'a list of strings'],
  resolution: [isStringRecord, 'an object of strings'],
  handler: [isString, 'a string'],
  handler_class: [isString, 'a string'],
  handler_mro: [isStringList, 'a list of strings'],
  handler_resolution: [isStringRecord, 'an object of strings'],
  options: [isObject, 'an object'],
};

/** Checks that `value` (the parsed first line) is a header this runtime can read. */
export function validateHeader(value: unknown): HeaderCheck {
  if (!isObject(value)) return { ok: false, error: 'the header must be a JSON object' };
  const record = value as Record<string, unknown>;
  if (record['format'] !== TRACE_FILE_FORMAT) {
    return { ok: false, error: `not a sockscope trace (format is ${show(record['format'])}, expected "${TRACE_FILE_FORMAT}")` };
  }
  if (record['version'] !== TRACE_FILE_VERSION) {
    return { ok: false, error: `unsupported trace file version ${show(record['version'])} (this sockscope reads version ${TRACE_FILE_VERSION})` };
  }
  for (const [field, [check, wanted]] of Object.entries(FIELDS)) {
    if (!(field in record)) return { ok: false, error: `header field "${field}" is missing` };
    if (!check(record[field])) return { ok: false, error: `header field "${field}" should be ${wanted}, not ${show(record[field])}` };
  }
  // Events are checked against this runtime's schema, so another schema cannot be read.
  if (record['schema_version'] !== TRACE_SCHEMA_VERSION) {
    return { ok: false, error: `unsupported event schema version ${show(record['schema_version'])} (this sockscope reads version ${TRACE_SCHEMA_VERSION})` };
  }
  return { ok: true, header: value as TraceHeader };
}

/** A short JSON rendering of a bad value for an error message. */
function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
