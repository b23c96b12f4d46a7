import { describe, expect, it } from 'vitest';
import { indexOfSeq } from './seq.js';
import { formatHash, formatLessonHash, initialLang, isTracePath, parseHash, parseLessonHash, queryFlag, withQuery } from './url.js';

describe('WEB-URL-1 a link names the trace and the cursor', () => {
  it('reads and writes #trace=…&at=…', () => {
    expect(parseHash('#trace=examples/ThreadingTCPServer.jsonl&at=123')).toEqual({ trace: 'examples/ThreadingTCPServer.jsonl', at: 123 });
    expect(formatHash({ trace: 'examples/ThreadingTCPServer.jsonl', at: 123 })).toBe('#trace=examples/ThreadingTCPServer.jsonl&at=123');
    expect(parseHash('#trace=recordings/lab-1-2026')).toEqual({ trace: 'recordings/lab-1-2026', at: null });
    expect(parseHash('')).toEqual({ trace: null, at: null });
    expect(formatHash({ trace: null, at: 5 })).toBe('');
  });

  it('opens only the examples and the recordings, never another site', () => {
    expect(isTracePath('examples/TCPServer.jsonl')).toBe(true);
    expect(parseHash('#trace=https://evil.example/x.jsonl').trace).toBeNull();
    expect(parseHash('#trace=//evil.example/x.jsonl').trace).toBeNull();
    expect(parseHash('#trace=examples/../../etc/passwd').trace).toBeNull();
    expect(parseHash('#trace=examples/x.jsonl&at=-3').at).toBeNull();
  });

  it('presenter flag, language choice and query edits', () => {
    expect(queryFlag('?presenter=1', 'presenter')).toBe(true);
    expect(queryFlag('?presenter=0', 'presenter')).toBe(false);
    expect(queryFlag('?token=abc', 'presenter')).toBe(false);
    expect(initialLang('?lang=zh-CN', 'en', ['en-US'])).toBe('zh-CN');
    expect(initialLang('', 'en', ['zh-CN'])).toBe('en');
    expect(initialLang('', null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLang('?lang=fr', null, ['de'])).toBe('en');
    expect(withQuery('?token=a', 'presenter', '1')).toBe('?token=a&presenter=1');
    expect(withQuery('?presenter=1', 'presenter', null)).toBe('');
  });
});

describe('WEB-URL-2 events are found by seq', () => {
  const events = [{ seq: 5 }, { seq: 6 }, { seq: 9 }, { seq: 10 }];
  it('exact, between, before and after', () => {
    expect(indexOfSeq(events, 6)).toBe(1);
    expect(indexOfSeq(events, 8)).toBe(1);
    expect(indexOfSeq(events, 1)).toBe(0);
    expect(indexOfSeq(events, 99)).toBe(3);
    expect(indexOfSeq([], 1)).toBe(-1);
  });
});

describe('WEB-URL-3 a link names a guided lesson, or a lesson recording in the replay', () => {
  it('#lesson= names a lesson by its id, nothing else', () => {
    expect(parseLessonHash('#lesson=01-sync-tcp-server')).toBe('01-sync-tcp-server');
    expect(formatLessonHash('03-threading-mro')).toBe('#lesson=03-threading-mro');
    expect(formatLessonHash(null)).toBe('');
    for (const hash of ['', '#lesson=', '#lesson=../x', '#lesson=https://evil.example/x', '#trace=examples/TCPServer.jsonl']) expect(parseLessonHash(hash), hash).toBeNull();
  });

  it('the replay may name a lesson recording', () => {
    expect(parseHash('#trace=lessons/01-sync-tcp-server.jsonl&at=9')).toEqual({ trace: 'lessons/01-sync-tcp-server.jsonl', at: 9 });
    expect(parseHash('#trace=lessons/../secret').trace).toBeNull();
  });
});
