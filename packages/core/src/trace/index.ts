/**
 * The public trace API: the event schema and its validator. This entry point has no
 * Node dependencies, so the web app can import it.
 */
export * from './schema.js';
export { TRACE_EVENT_KINDS, validateEvent, type Validation } from './validate.js';
