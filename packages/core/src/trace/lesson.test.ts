import { describe, expect, it } from 'vitest';
import { EventList } from './canon.fixture.js';
import { describeMatcher, locateSteps, matchesRole } from './lesson-locate.js';
import { validateLesson } from './lesson-validate.js';
import type { EventMatcher, LessonStep } from './lesson.js';
import type { TraceEvent } from './schema.js';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const step = (at: EventMatcher, extra: Partial<LessonStep> = {}): LessonStep => ({
  at,
  note: text('Look at the **loop**.', '看**主循环**。'),
  panes: ['timeline'],
  ...extra,
});

/** A small valid lesson; tests change one thing at a time. */
function lesson(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'sockscope-lesson',
    version: 1,
    id: '03-threading-mro',
    number: 3,
    level: 'beginner',
    title: text('ThreadingTCPServer and the MRO', 'ThreadingTCPServer 与 MRO'),
    summary: text('Why process_request is found in the mixin.', '为什么 process_request 在混入类中找到。'),
    shipped_scenario: 'ThreadingTCPServer',
    recording: '03-threading-mro.jsonl',
    steps: [
      step({ kind: 'call', method: 'ThreadingMixIn.process_request', thread: 'loop' }, {
        question: {
          prompt: text('Which class?', '哪个类？'),
          choices: [text('BaseServer', '在 BaseServer 中'), text('ThreadingMixIn', '在 ThreadingMixIn 中')],
          answer: 1,
          explanation: text('It comes first in the MRO.', '它在 MRO 中排在前面。'),
        },
      }),
    ],
    ...changes,
  };
}

function errorsOf(value: unknown): readonly string[] {
  const check = validateLesson(value);
  return check.ok ? [] : check.errors;
}

/** A ThreadingTCPServer run: main spawns the loop, the loop two workers, two clients connect. */
function run(): TraceEvent[] {
  const t = new EventList();
  const main = t.lane(10, 1, 'MainThread');
  const loop = t.lane(10, 2, 'Thread-1 (serve_forever)');
  const w1 = t.lane(10, 3, 'Thread-2 (process_request_thread)');
  const w2 = t.lane(10, 4, 'Thread-3 (process_request_thread)');
  const c1 = t.lane(10, 5, 'client-1');
  const c2 = t.lane(10, 6, 'client-2');
  t.call(main, 'TCPServer.__init__').ret(main);
  t.mark(main, { kind: 'thread_spawn', child_tid: 2, child_name: loop.thread, daemon: false });
  t.call(loop, 'BaseServer.serve_forever');
  t.mark(c1, { kind: 'connect', fd: 5, address: ['127.0.0.1', 1], local_address: ['127.0.0.1', 2] });
  t.call(loop, 'ThreadingMixIn.process_request');
  t.mark(loop, { kind: 'thread_spawn', child_tid: 3, child_name: w1.thread, daemon: false });
  t.ret(loop);
  t.call(w1, 'ThreadingMixIn.process_request_thread').call(w1, 'EchoHandler.handle');
  t.mark(c2, { kind: 'connect', fd: 6, address: ['127.0.0.1', 1], local_address: ['127.0.0.1', 3] });
  t.call(loop, 'ThreadingMixIn.process_request');
  t.mark(loop, { kind: 'thread_spawn', child_tid: 4, child_name: w2.thread, daemon: false });
  t.ret(loop);
  t.call(w2, 'ThreadingMixIn.process_request_thread').call(w2, 'EchoHandler.handle');
  t.ret(w1).ret(w1).ret(w2).ret(w2).ret(loop);
  return t.events;
}

describe('LESSON-1 a lesson file is checked field by field, each error naming its path', () => {
  it('a complete lesson validates', () => {
    expect(validateLesson(lesson())).toEqual({ ok: true, lesson: lesson() });
  });

  it('an inline scenario instead of a shipped one validates', () => {
    const inline = lesson({ shipped_scenario: undefined, scenario: { server: 'TCPServer', handler: 'echo', clients: [{ steps: [['recv']] }] } });
    expect(errorsOf(inline)).toEqual([]);
  });

  it.each([
    [{ format: 'sockscope-trace' }, 'format: must be "sockscope-lesson"'],
    [{ version: 2 }, 'version: this sockscope reads version 1'],
    [{ number: 12 }, 'number: must be an integer from 1 to 11'],
    [{ id: '3-threading' }, 'id: must look like "01-sync-tcp-server"'],
    [{ id: '04-threading-mro' }, 'id: starts with 04 but number is 3'],
    [{ level: 'expert' }, 'level: must be one of beginner, intermediate, advanced'],
    [{ recording: '../trace.jsonl' }, 'recording: must be a plain file name ending in .jsonl'],
    [{ steps: [] }, 'steps: must be a non-empty list'],
    [{ shipped_scenario: undefined }, 'scenario: give exactly one of'],
    [{ scenario: { server: 'TCPServer', handler: 'echo' } }, 'scenario: give exactly one of'],
    [{ shipped_scenario: 'TCPServer.json' }, 'shipped_scenario: must be a scenario\'s name without .json'],
    [{ shipped_scenario: undefined, scenario: { server: 'TCPServer', handler: 'telnet' } }, 'scenario.handler: must be one of echo'],
    [{ shipped_scenario: undefined, scenario: { handler: 'echo' } }, 'scenario: give "server"'],
    [{ colour: 'red' }, 'colour: is not a field here'],
  ])('%j', (changes, message) => {
    expect(errorsOf(lesson(changes)).join('\n')).toContain(message);
  });

  it('reports every problem at once', () => {
    expect(errorsOf(lesson({ number: 0, level: 'expert', recording: 5 }))).toHaveLength(4);
    expect(errorsOf('a lesson')).toEqual(['lesson: must be a JSON object']);
  });
});

describe('LESSON-2 every text is in English and Simplified Chinese, and the Chinese is not a copy', () => {
  it.each([
    [{ title: { en: 'Only English' } }, 'title.zh-CN: is missing or empty'],
    [{ summary: text('', '摘要') }, 'summary.en: is missing or empty'],
    [{ title: text('ThreadingTCPServer', 'ThreadingTCPServer') }, 'title.zh-CN: is a copy of the English'],
    [{ title: { ...text('Title', '标题'), fr: 'Titre' } }, 'title.fr: is not a field here'],
    [{ steps: [step({ kind: 'accept' }, { note: text('x'.repeat(2001), '注') })] }, 'steps[0].note.en: is 2001 characters long'],
  ])('%j', (changes, message) => {
    expect(errorsOf(lesson(changes)).join('\n')).toContain(message);
  });

  it('notes, questions, choices and explanations are checked too', () => {
    const bad = step({ kind: 'accept' }, {
      note: text('Same', 'Same'),
      question: { prompt: text('Q', '问'), choices: [text('a', 'a'), text('b', '乙')], answer: 0, explanation: { en: 'why' } as never },
    });
    expect(errorsOf(lesson({ steps: [bad] }))).toEqual([
      'steps[0].note.zh-CN: is a copy of the English',
      'steps[0].question.choices[0].zh-CN: is a copy of the English',
      'steps[0].question.explanation.zh-CN: is missing or empty',
    ]);
  });
});

describe('LESSON-3 a matcher names a kind, a method for calls only, a thread role and nth', () => {
  it.each([
    [{ kind: 'call', method: 'handle', thread: 'worker 2', nth: 3 }],
    [{ kind: 'return', method: 'SlowEchoHandler.handle', thread: 'loop' }],
    [{ kind: 'fork', thread: 'loop' }],
    [{ kind: 'child_start', thread: 'child' }],
    [{ kind: 'recv', thread: 'client 1' }],
    [{ kind: 'call', thread: 'main' }],
  ])('%j is a matcher', (at) => {
    expect(errorsOf(lesson({ steps: [step(at as EventMatcher)] }))).toEqual([]);
  });

  it.each([
    [{ kind: 'calls' }, 'steps[0].at.kind: must be an event kind'],
    [{ kind: 'accept', method: 'get_request' }, 'steps[0].at.method: only call, return and exception events have a method'],
    [{ kind: 'call', method: 'BaseServer.' }, 'steps[0].at.method: must be a method name or Class.method'],
    [{ kind: 'call', thread: 'Thread-2 (process_request_thread)' }, 'steps[0].at.thread: must be a role'],
    [{ kind: 'call', thread: 'worker 0' }, 'steps[0].at.thread: must be a role'],
    [{ kind: 'call', nth: 0 }, 'steps[0].at.nth: must be an integer from 1'],
    [{ kind: 'call', seq: 4 }, 'steps[0].at.seq: is not a field here'],
  ])('%j is refused', (at, message) => {
    expect(errorsOf(lesson({ steps: [step(at as EventMatcher)] })).join('\n')).toContain(message);
  });
});

describe('LESSON-4 panes come from the list, the playground only in lesson 11; a question has 2–6 choices and a valid answer', () => {
  it.each([
    [{ panes: [] }, 'steps[0].panes: must be a non-empty list'],
    [{ panes: ['mro', 'flamegraph'] }, 'steps[0].panes: "flamegraph" is not one of'],
    [{ panes: ['mro', 'mro'] }, 'steps[0].panes: names a pane twice'],
    [{ panes: ['playground'] }, 'steps[0].panes: only lesson 11 may light the playground'],
  ])('%j', (changes, message) => {
    expect(errorsOf(lesson({ steps: [step({ kind: 'accept' }, changes as Partial<LessonStep>)] })).join('\n')).toContain(message);
  });

  it('lesson 11 may light the playground', () => {
    const eleven = lesson({ id: '11-build-your-own', number: 11, steps: [step({ kind: 'accept' }, { panes: ['playground', 'mro'] })] });
    expect(errorsOf(eleven)).toEqual([]);
  });

  it.each([
    [{ choices: [text('only', '唯一')] }, 'choices: must be a list of 2 to 6 choices'],
    [{ answer: 2 }, 'answer: must be the index of a choice (0 to 1)'],
    [{ answer: -1 }, 'answer: must be the index of a choice'],
    [{ explanation: undefined }, 'explanation: must be an object with "en" and "zh-CN"'],
  ])('question %j', (changes, message) => {
    const question = {
      prompt: text('Which?', '哪个？'),
      choices: [text('this', '这个'), text('that', '那个')],
      answer: 0,
      explanation: text('Because.', '因为。'),
      ...changes,
    };
    expect(errorsOf(lesson({ steps: [step({ kind: 'accept' }, { question } as Partial<LessonStep>)] })).join('\n')).toContain(`steps[0].question.${message}`);
  });
});

describe('LESSON-5 locateSteps finds each step\'s nth event by kind, method and thread role', () => {
  const events = run();
  const seqOf = (predicate: (e: TraceEvent) => boolean, nth = 1): number => events.filter(predicate)[nth - 1]?.seq ?? -1;

  it('roles, methods and nth pick the events a lecturer means', () => {
    const steps = [
      step({ kind: 'call', method: 'serve_forever', thread: 'loop' }),
      step({ kind: 'connect', thread: 'client 1' }),
      step({ kind: 'thread_spawn', thread: 'loop', nth: 1 }),
      step({ kind: 'call', method: 'EchoHandler.handle', thread: 'worker 1' }),
      step({ kind: 'call', method: 'ThreadingMixIn.process_request', nth: 2 }),
      step({ kind: 'call', method: 'handle', thread: 'worker', nth: 2 }),
      step({ kind: 'return', method: 'serve_forever' }),
    ];
    const located = locateSteps({ steps }, events);
    expect(located).toEqual([
      { ok: true, index: 0, seq: seqOf((e) => e.kind === 'call' && e.method === 'serve_forever') },
      { ok: true, index: 1, seq: seqOf((e) => e.kind === 'connect' && e.thread === 'client-1') },
      { ok: true, index: 2, seq: seqOf((e) => e.kind === 'thread_spawn' && e.thread.includes('serve_forever')) },
      { ok: true, index: 3, seq: seqOf((e) => e.kind === 'call' && e.method === 'handle' && e.thread.startsWith('Thread-2')) },
      { ok: true, index: 4, seq: seqOf((e) => e.kind === 'call' && e.method === 'process_request', 2) },
      { ok: true, index: 5, seq: seqOf((e) => e.kind === 'call' && e.method === 'handle' && e.thread.startsWith('Thread-3')) },
      { ok: true, index: 6, seq: seqOf((e) => e.kind === 'return' && e.method === 'serve_forever') },
    ]);
  });

  it('the events may come in any order', () => {
    const steps = [step({ kind: 'call', method: 'handle', thread: 'worker 2' })];
    expect(locateSteps({ steps }, [...events].reverse())).toEqual(locateSteps({ steps }, events));
  });

  it('a matcher that finds nothing is an error naming the step and the matcher', () => {
    const steps = [step({ kind: 'call', method: 'serve_forever' }), step({ kind: 'call', method: 'handle', thread: 'worker', nth: 3 }), step({ kind: 'fork' })];
    const [first, second, third] = locateSteps({ steps }, events);
    expect(first?.ok).toBe(true);
    expect(second).toEqual({
      ok: false,
      index: 1,
      reason: 'not_found',
      error: 'step 2 (the 3rd call of handle in worker) found nothing: 2 matching events in the trace',
    });
    expect(third).toMatchObject({ ok: false, reason: 'not_found', error: 'step 3 (the 1st fork) found nothing: 0 matching events in the trace' });
  });

  it('a prefix of a live run: the steps not reached yet are not found', () => {
    const steps = [step({ kind: 'call', method: 'serve_forever' }), step({ kind: 'call', method: 'handle', thread: 'worker 2' })];
    const prefix = events.slice(0, 8);
    expect(locateSteps({ steps }, prefix).map((l) => l.ok)).toEqual([true, false]);
  });

  it('role patterns: a role, its kind alone, a child\'s other threads', () => {
    expect(matchesRole('worker', 'worker 12')).toBe(true);
    expect(matchesRole('worker 1', 'worker 12')).toBe(false);
    expect(matchesRole('child 2', 'child 2 thread 2')).toBe(true);
    expect(matchesRole('client', 'main')).toBe(false);
    expect(describeMatcher({ kind: 'accept', thread: 'loop', nth: 12 })).toBe('the 12th accept in loop');
    expect(describeMatcher({ kind: 'call', method: 'handle', nth: 22 })).toBe('the 22nd call of handle');
  });
});

describe('LESSON-6 steps land in strictly increasing seq order', () => {
  const events = run();

  it('a step that lands before the previous one is an error naming both', () => {
    const steps = [step({ kind: 'call', method: 'EchoHandler.handle', thread: 'worker 2' }), step({ kind: 'connect', thread: 'client 1' })];
    const [first, second] = locateSteps({ steps }, events);
    expect(first?.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, index: 1, reason: 'out_of_order' });
    expect(second?.ok === false && second.error).toMatch(/^step 2 \(the 1st connect in client 1\) lands at seq \d+, not after step 1 at seq \d+$/);
  });

  it('two steps at the same event are out of order too; later steps are compared with the last step that landed', () => {
    const steps = [
      step({ kind: 'call', method: 'serve_forever' }),
      step({ kind: 'call', method: 'BaseServer.serve_forever', thread: 'loop' }),
      step({ kind: 'return', method: 'serve_forever' }),
    ];
    expect(locateSteps({ steps }, events).map((l) => (l.ok ? 'ok' : l.reason))).toEqual(['ok', 'out_of_order', 'ok']);
  });
});
