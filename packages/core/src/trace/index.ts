/**
 * The public trace API: the event schema and its validator, the scenario and trace-file
 * formats, the socket.io protocol, and the guided-lesson format. This entry point has no
 * Node dependencies, so the web app can import it.
 */
export * from './schema.js';
export { TRACE_EVENT_KINDS, validateEvent, type Validation } from './validate.js';
export * from './scenario.js';
export * from './file-format.js';
export type * from './protocol.js';
export { parseTraceFile, type TraceParse } from './parse-trace-file.js';
export { validateHeader, type HeaderCheck } from './header.js';
export { hitsBreakpoint, matchesMethod, matchesTarget, NO_BREAKPOINTS } from './breakpoints.js';
export * from './canon.js';
export * from './lesson.js';
export { validateLesson, type LessonCheck } from './lesson-validate.js';
export { describeMatcher, locateSteps, matchesRole, type StepLocation } from './lesson-locate.js';
