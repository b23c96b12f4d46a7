import { describe, expect, it } from 'vitest';
import { loadProgress, parseProgress, progressKey, saveProgress, serializeProgress, type ProgressStorage } from './progress.js';

function memory(): ProgressStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('WEB-LESSON-4 progress is kept per lesson in localStorage', () => {
  it('saves and loads the note and the choices tried, per lesson id', () => {
    const storage = memory();
    saveProgress('01-a', { step: 3, picks: { 2: [0, 1] }, finished: false }, storage);
    saveProgress('02-b', { step: 1, picks: {}, finished: false }, storage);
    expect(loadProgress('01-a', storage)).toEqual({ step: 3, picks: { 2: [0, 1] }, finished: false });
    expect(loadProgress('02-b', storage)).toEqual({ step: 1, picks: {}, finished: false });
    expect(loadProgress('03-c', storage)).toBeNull();
    expect([...storage.map.keys()].sort()).toEqual([progressKey('01-a'), progressKey('02-b')]);
  });

  it('a fresh start (first note, nothing answered) removes what was saved', () => {
    const storage = memory();
    saveProgress('01-a', { step: 2, picks: {}, finished: false }, storage);
    saveProgress('01-a', { step: 0, picks: {}, finished: false }, storage);
    expect(storage.map.size).toBe(0);
  });

  it('reads nothing from text that is not ours', () => {
    for (const text of [null, '', 'not json', '[]', '42', '{"v":2,"step":1}', '{"v":1,"step":"3"}', '{"v":1,"step":1.5}']) {
      expect(parseProgress(text)).toBeNull();
    }
    expect(parseProgress('{"v":1,"step":2,"picks":{"1":[2,"x",-1],"y":[1],"3":"no"},"finished":"yes"}')).toEqual({ step: 2, picks: { 1: [2] }, finished: false });
    expect(parseProgress(serializeProgress({ step: 4, picks: { 0: [1] }, finished: true }))).toEqual({ step: 4, picks: { 0: [1] }, finished: true });
  });

  it('storage that throws is no storage', () => {
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress('01-a', broken)).toBeNull();
    expect(() => saveProgress('01-a', { step: 1, picks: {}, finished: false }, broken)).not.toThrow();
    expect(loadProgress('01-a', null)).toBeNull();
  });
});
