import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { canAdvance, firstTry, lastReachable, lessonMachine, progressOf, restore, type LessonProgress, type StepShape } from './lesson-machine.js';

/** Five notes; note 2 asks (right choice 1 of 4), note 4 asks (right choice 0 of 3). */
const STEPS: readonly StepShape[] = [
  { answer: null, choices: 0 },
  { answer: null, choices: 0 },
  { answer: 1, choices: 4 },
  { answer: null, choices: 0 },
  { answer: 0, choices: 3 },
];

function opened(progress?: LessonProgress) {
  const actor = createActor(lessonMachine).start();
  actor.send({ type: 'OPEN', lesson: '01-test', steps: STEPS, progress: progress ?? null });
  return actor;
}

describe('WEB-LESSON-1 next and previous walk the notes; a question holds the lesson until answered right', () => {
  it('starts closed, opens at the first note', () => {
    const actor = createActor(lessonMachine).start();
    expect(actor.getSnapshot().value).toBe('closed');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(0);
    actor.send({ type: 'OPEN', lesson: '01-test', steps: STEPS });
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context).toMatchObject({ lesson: '01-test', step: 0, picks: {}, finished: false, move: { kind: 'run' } });
  });

  it('NEXT runs forward, PREV jumps back, never before the first note', () => {
    const actor = opened();
    actor.send({ type: 'PREV' });
    expect(actor.getSnapshot().context.step).toBe(0);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context).toMatchObject({ step: 1, move: { kind: 'run' } });
    actor.send({ type: 'PREV' });
    expect(actor.getSnapshot().context).toMatchObject({ step: 0, move: { kind: 'jump' } });
  });

  it('NEXT does nothing at an unanswered question; a wrong pick is kept and does not open it', () => {
    const actor = opened();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(2);
    expect(canAdvance(actor.getSnapshot().context)).toBe(false);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(2);
    actor.send({ type: 'ANSWER', choice: 3 });
    expect(actor.getSnapshot().context.picks).toEqual({ 2: [3] });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(2);
    actor.send({ type: 'ANSWER', choice: 1 });
    expect(actor.getSnapshot().context.picks).toEqual({ 2: [3, 1] });
    expect(firstTry(actor.getSnapshot().context, 2)).toBe(false);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(3);
  });

  it('ignores answers that make no sense: no question, a choice out of range, the same choice twice, after the right one', () => {
    const actor = opened();
    actor.send({ type: 'ANSWER', choice: 0 });
    expect(actor.getSnapshot().context.picks).toEqual({});
    actor.send({ type: 'GOTO', step: 2 });
    for (const choice of [4, -1, 1.5]) actor.send({ type: 'ANSWER', choice });
    expect(actor.getSnapshot().context.picks).toEqual({});
    actor.send({ type: 'ANSWER', choice: 0 });
    actor.send({ type: 'ANSWER', choice: 0 });
    expect(actor.getSnapshot().context.picks).toEqual({ 2: [0] });
    actor.send({ type: 'ANSWER', choice: 1 });
    actor.send({ type: 'ANSWER', choice: 2 });
    expect(actor.getSnapshot().context.picks).toEqual({ 2: [0, 1] });
  });

  it('NEXT at the last note (answered) finishes; PREV from the end shows the last note again', () => {
    const actor = opened();
    actor.send({ type: 'GOTO', step: 2 });
    actor.send({ type: 'ANSWER', choice: 1 });
    expect(firstTry(actor.getSnapshot().context, 2)).toBe(true);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.step).toBe(4);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('reading');
    actor.send({ type: 'ANSWER', choice: 0 });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('finished');
    expect(actor.getSnapshot().context.finished).toBe(true);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('finished');
    actor.send({ type: 'PREV' });
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context).toMatchObject({ step: 4, finished: false });
  });
});

describe('WEB-LESSON-2 jumping to a note: any note up to the first open question', () => {
  it('GOTO reaches the notes before and at the open question, not after it', () => {
    const actor = opened();
    expect(lastReachable(actor.getSnapshot().context)).toBe(2);
    actor.send({ type: 'GOTO', step: 4 });
    expect(actor.getSnapshot().context.step).toBe(0);
    actor.send({ type: 'GOTO', step: 2 });
    expect(actor.getSnapshot().context).toMatchObject({ step: 2, move: { kind: 'jump' } });
    actor.send({ type: 'ANSWER', choice: 1 });
    expect(lastReachable(actor.getSnapshot().context)).toBe(4);
    actor.send({ type: 'GOTO', step: 4 });
    expect(actor.getSnapshot().context.step).toBe(4);
    actor.send({ type: 'GOTO', step: 99 });
    actor.send({ type: 'GOTO', step: -1 });
    expect(actor.getSnapshot().context.step).toBe(4);
  });

  it('going to the same note again still moves the cursor (a new move id)', () => {
    const actor = opened();
    const before = actor.getSnapshot().context.move.id;
    actor.send({ type: 'GOTO', step: 0 });
    expect(actor.getSnapshot().context.move.id).toBe(before + 1);
  });
});

describe('WEB-LESSON-3 resume where the reader left off; start over', () => {
  it('OPEN with saved progress restores the note and the answers', () => {
    const actor = opened({ step: 3, picks: { 2: [0, 1] }, finished: false });
    expect(actor.getSnapshot().context).toMatchObject({ step: 3, picks: { 2: [0, 1] }, move: { kind: 'jump' } });
    expect(progressOf(actor.getSnapshot().context)).toEqual({ step: 3, picks: { 2: [0, 1] }, finished: false });
  });

  it('a finished lesson opens at its end', () => {
    const actor = opened({ step: 4, picks: { 2: [1], 4: [0] }, finished: true });
    expect(actor.getSnapshot().value).toBe('finished');
    expect(actor.getSnapshot().context.step).toBe(4);
  });

  it('saved progress that no longer fits is made safe', () => {
    // A note past an unanswered question, picks for notes that do not ask, choices that do not exist.
    expect(restore(STEPS, { step: 4, picks: { 0: [1], 2: [7, 2] }, finished: true })).toEqual({ step: 2, picks: { 2: [2] }, finished: false });
    expect(restore(STEPS, { step: -3, picks: {}, finished: false }).step).toBe(0);
    expect(restore(STEPS, null)).toEqual({ step: 0, picks: {}, finished: false });
    expect(restore([], { step: 2, picks: {}, finished: true })).toEqual({ step: 0, picks: {}, finished: false });
  });

  it('RESTART forgets the answers and goes back to the first note, from anywhere', () => {
    const actor = opened({ step: 4, picks: { 2: [1], 4: [0] }, finished: true });
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context).toMatchObject({ step: 0, picks: {}, finished: false });
    expect(lastReachable(actor.getSnapshot().context)).toBe(2);
  });

  it('CLOSE leaves the lesson', () => {
    const actor = opened();
    actor.send({ type: 'CLOSE' });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.lesson).toBeNull();
  });
});
