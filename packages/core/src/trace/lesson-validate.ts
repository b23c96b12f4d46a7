/**
 * Checks a lesson file field by field, for data read from disk or fetched by the player.
 * Every problem is reported with its path (`steps[2].at.thread: ...`), all at once, so an
 * author can fix a file in one go. The scenario is checked for its shape only; the runtime
 * checks it fully when it runs it.
 */
import {
  LAST_LESSON,
  LESSON_FORMAT,
  LESSON_LANGUAGES,
  LESSON_LEVELS,
  LESSON_PANES,
  LESSON_VERSION,
  PLAYGROUND_LESSON,
  type Lesson,
} from './lesson.js';
import { HANDLER_NAMES } from './scenario.js';
import { TRACE_EVENT_KINDS } from './validate.js';

/** The result of checking a lesson: the lesson, or every problem found. */
export type LessonCheck = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly errors: readonly string[] };

type Json = Record<string, unknown>;

const METHOD = /^([A-Za-z_]\w*\.)?[A-Za-z_]\w*$/;
const ROLE = /^(main|loop|(worker|child|client)( [1-9]\d*)?)$/;
const LESSON_ID = /^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const METHOD_KINDS: readonly string[] = ['call', 'return', 'exception'];
const MAX_TEXT = 2000;
const LESSON_KEYS = ['format', 'version', 'id', 'number', 'level', 'title', 'summary', 'scenario', 'shipped_scenario', 'recording', 'steps'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Collects problems under a path. */
class Problems {
  readonly list: string[] = [];

  add(path: string, problem: string): void {
    this.list.push(`${path}: ${problem}`);
  }
}

/** Checks that `value` is a lesson file this version of sockscope can play. */
export function validateLesson(value: unknown): LessonCheck {
  const p = new Problems();
  if (!isObject(value)) return { ok: false, errors: ['lesson: must be a JSON object'] };
  checkKeys(value, LESSON_KEYS, '', p);
  if (value['format'] !== LESSON_FORMAT) p.add('format', `must be "${LESSON_FORMAT}", not ${show(value['format'])}`);
  if (value['version'] !== LESSON_VERSION) p.add('version', `this sockscope reads version ${LESSON_VERSION}, not ${show(value['version'])}`);
  checkIdentity(value, p);
  checkText(value['title'], 'title', p, 200);
  checkText(value['summary'], 'summary', p);
  checkScenarioSource(value, p);
  const recording = value['recording'];
  if (typeof recording !== 'string' || !FILE_NAME.test(recording) || !recording.endsWith('.jsonl')) {
    p.add('recording', `must be a plain file name ending in .jsonl, not ${show(recording)}`);
  }
  const steps = value['steps'];
  if (!Array.isArray(steps) || steps.length === 0) p.add('steps', 'must be a non-empty list');
  else steps.forEach((step: unknown, i) => { checkStep(step, `steps[${String(i)}]`, value['number'], p); });
  return p.list.length === 0 ? { ok: true, lesson: value as unknown as Lesson } : { ok: false, errors: p.list };
}

function checkIdentity(value: Json, p: Problems): void {
  const { id, number, level } = value;
  if (!isInt(number) || number < 1 || number > LAST_LESSON) p.add('number', `must be an integer from 1 to ${String(LAST_LESSON)}, not ${show(number)}`);
  const match = typeof id === 'string' ? LESSON_ID.exec(id) : null;
  if (!match) p.add('id', `must look like "01-sync-tcp-server" (two digits, then lowercase words joined by -), not ${show(id)}`);
  else if (isInt(number) && Number(match[1]) !== number) p.add('id', `starts with ${String(match[1])} but number is ${String(number)}`);
  if (!(LESSON_LEVELS as readonly unknown[]).includes(level)) p.add('level', `must be one of ${LESSON_LEVELS.join(', ')}, not ${show(level)}`);
}

function checkScenarioSource(value: Json, p: Problems): void {
  const inline = value['scenario'];
  const shipped = value['shipped_scenario'];
  if ((inline === undefined) === (shipped === undefined)) {
    p.add('scenario', 'give exactly one of "scenario" (inline) and "shipped_scenario" (a shipped scenario\'s name)');
    return;
  }
  if (shipped !== undefined && (typeof shipped !== 'string' || !FILE_NAME.test(shipped) || shipped.endsWith('.json'))) {
    p.add('shipped_scenario', `must be a scenario's name without .json, e.g. "TCPServer", not ${show(shipped)}`);
  }
  if (inline !== undefined) checkScenarioShape(inline, p);
}

/** The scenario's shape: what the player needs to start the lab. */
function checkScenarioShape(scenario: unknown, p: Problems): void {
  if (!isObject(scenario)) {
    p.add('scenario', 'must be an object');
    return;
  }
  if (!(HANDLER_NAMES as readonly unknown[]).includes(scenario['handler'])) {
    p.add('scenario.handler', `must be one of ${HANDLER_NAMES.join(', ')}, not ${show(scenario['handler'])}`);
  }
  const { server, bases } = scenario;
  const hasBases = Array.isArray(bases) && bases.length > 0 && bases.every((b) => typeof b === 'string');
  if (typeof server !== 'string' && !hasBases) p.add('scenario', 'give "server" (a class name) or "bases" (a list of class names)');
  const clients = scenario['clients'];
  if (clients !== undefined && (!Array.isArray(clients) || !clients.every((c) => isObject(c) && Array.isArray(c['steps'])))) {
    p.add('scenario.clients', 'must be a list of clients, each with its steps');
  }
}

function checkStep(step: unknown, path: string, lessonNumber: unknown, p: Problems): void {
  if (!isObject(step)) {
    p.add(path, 'must be an object');
    return;
  }
  checkKeys(step, ['at', 'note', 'panes', 'question'], path, p);
  checkMatcher(step['at'], `${path}.at`, p);
  checkText(step['note'], `${path}.note`, p);
  checkPanes(step['panes'], `${path}.panes`, lessonNumber, p);
  if (step['question'] !== undefined) checkQuestion(step['question'], `${path}.question`, p);
}

function checkMatcher(at: unknown, path: string, p: Problems): void {
  if (!isObject(at)) {
    p.add(path, 'must be an object with at least "kind"');
    return;
  }
  const { kind, method, thread, nth } = at;
  if (!(TRACE_EVENT_KINDS as readonly unknown[]).includes(kind)) p.add(`${path}.kind`, `must be an event kind (call, accept, fork, ...), not ${show(kind)}`);
  if (method !== undefined) {
    if (typeof method !== 'string' || !METHOD.test(method)) p.add(`${path}.method`, `must be a method name or Class.method, not ${show(method)}`);
    else if (typeof kind === 'string' && !METHOD_KINDS.includes(kind)) p.add(`${path}.method`, `only call, return and exception events have a method, not ${kind}`);
  }
  if (thread !== undefined && (typeof thread !== 'string' || !ROLE.test(thread))) {
    p.add(`${path}.thread`, `must be a role: main, loop, worker N, child N, client N, or worker, child, client; not ${show(thread)}`);
  }
  if (nth !== undefined && (!isInt(nth) || nth < 1)) p.add(`${path}.nth`, `must be an integer from 1, not ${show(nth)}`);
  checkKeys(at, ['kind', 'method', 'thread', 'nth'], path, p);
}

function checkPanes(panes: unknown, path: string, lessonNumber: unknown, p: Problems): void {
  if (!Array.isArray(panes) || panes.length === 0) {
    p.add(path, 'must be a non-empty list of panes');
    return;
  }
  for (const pane of panes) {
    if (!(LESSON_PANES as readonly unknown[]).includes(pane)) p.add(path, `${show(pane)} is not one of ${LESSON_PANES.join(', ')}`);
    if (pane === 'playground' && lessonNumber !== PLAYGROUND_LESSON) p.add(path, `only lesson ${String(PLAYGROUND_LESSON)} may light the playground`);
  }
  if (new Set(panes).size !== panes.length) p.add(path, 'names a pane twice');
}

function checkQuestion(question: unknown, path: string, p: Problems): void {
  if (!isObject(question)) {
    p.add(path, 'must be an object');
    return;
  }
  checkKeys(question, ['prompt', 'choices', 'answer', 'explanation'], path, p);
  checkText(question['prompt'], `${path}.prompt`, p);
  const choices = question['choices'];
  if (!Array.isArray(choices) || choices.length < 2 || choices.length > 6) p.add(`${path}.choices`, 'must be a list of 2 to 6 choices');
  else choices.forEach((choice: unknown, i) => { checkText(choice, `${path}.choices[${String(i)}]`, p, 300); });
  const answer = question['answer'];
  const count = Array.isArray(choices) ? choices.length : 0;
  if (!isInt(answer) || answer < 0 || answer >= count) p.add(`${path}.answer`, `must be the index of a choice (0 to ${String(count - 1)}), not ${show(answer)}`);
  checkText(question['explanation'], `${path}.explanation`, p);
}

/** A text in both languages, each non-empty, the Chinese not a copy of the English. */
function checkText(text: unknown, path: string, p: Problems, max = MAX_TEXT): void {
  if (!isObject(text)) {
    p.add(path, `must be an object with ${LESSON_LANGUAGES.map((l) => `"${l}"`).join(' and ')}`);
    return;
  }
  for (const lang of LESSON_LANGUAGES) {
    const t = text[lang];
    if (typeof t !== 'string' || t.trim() === '') p.add(`${path}.${lang}`, 'is missing or empty');
    else if (t.length > max) p.add(`${path}.${lang}`, `is ${String(t.length)} characters long; keep it under ${String(max)}`);
  }
  const { en } = text;
  const zh = text['zh-CN'];
  if (typeof en === 'string' && typeof zh === 'string' && en.trim() !== '' && en.trim() === zh.trim()) p.add(`${path}.zh-CN`, 'is a copy of the English');
  checkKeys(text, LESSON_LANGUAGES, path, p);
}

/** Unknown fields are errors, so a misspelt one is not silently ignored. */
function checkKeys(value: Json, known: readonly string[], path: string, p: Problems): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) p.add(path === '' ? key : `${path}.${key}`, `is not a field here (known: ${known.join(', ')})`);
  }
}

/** A short JSON rendering of a bad value for an error message. */
function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
