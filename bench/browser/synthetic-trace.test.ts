import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTraceFile, validateEvent } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { syntheticTrace, writeSyntheticTrace } from './synthetic-trace.js';

describe('syntheticTrace', () => {
  const events = [...syntheticTrace(5_000)];

  it('gives about the count asked, every event valid, in trace order', () => {
    expect(events.length).toBeGreaterThanOrEqual(5_000);
    expect(events.length).toBeLessThan(5_100);
    for (const e of events) expect(validateEvent(e)).toMatchObject({ ok: true });
    events.forEach((e, i) => expect(e.seq).toBe(i + 1));
    events.slice(1).forEach((e, i) => expect(e.t_ns).toBeGreaterThanOrEqual(events[i]?.t_ns ?? Infinity));
  });

  it('has several threads whose calls nest and all return', () => {
    expect(new Set(events.map((e) => e.tid)).size).toBe(9);
    const stacks = new Map<number, number[]>();
    let deepest = 0;
    for (const e of events) {
      const stack = stacks.get(e.tid) ?? [];
      stacks.set(e.tid, stack);
      if (e.kind === 'call') stack.push(e.span ?? -1);
      if (e.kind === 'return') expect(stack.pop()).toBe(e.span);
      deepest = Math.max(deepest, stack.length);
    }
    for (const stack of stacks.values()) expect(stack).toEqual([]);
    expect(deepest).toBeGreaterThanOrEqual(4);
  });

  it('writes a file the trace parser reads back whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    try {
      const path = join(dir, 't.jsonl');
      const n = await writeSyntheticTrace(path, 2_000);
      const parsed = parseTraceFile(readFileSync(path, 'utf8'));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.file.events.length).toBe(n);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
