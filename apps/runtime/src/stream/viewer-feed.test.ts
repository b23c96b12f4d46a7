import type { EventBatch, TraceEvent } from '@sockscope/core';
import { describe, expect, it } from 'vitest';
import { FakeTrace } from './fake-trace.js';
import { ManualScheduler } from './manual-scheduler.js';
import { ViewerFeed, type ViewerFeedOptions } from './viewer-feed.js';

/** A viewer that records batches and acks only when told to. */
function viewer(options: Omit<ViewerFeedOptions, 'scheduler'> = {}) {
  const clock = new ManualScheduler();
  const batches: EventBatch[] = [];
  const acks: Array<() => void> = [];
  const feed = new ViewerFeed(
    (batch, done) => {
      batches.push(batch);
      acks.push(done);
    },
    { ...options, scheduler: clock },
  );
  const ack = (): void => {
    const done = acks.shift();
    if (done === undefined) throw new Error('no batch in flight');
    done();
  };
  return { clock, batches, feed, ack };
}

const seqs = (batch: EventBatch | undefined): number[] => (batch?.events ?? []).map((e) => e.seq);

function pushN(feed: ViewerFeed, trace: FakeTrace, count: number, lab = 'lab-1'): TraceEvent[] {
  const events = Array.from({ length: count }, () => trace.recv());
  for (const e of events) feed.push(lab, e);
  return events;
}

describe('STREAM-6 viewer feed sends a batch per frame tick', () => {
  it('waits for the frame, then sends everything queued as one batch', () => {
    const { clock, batches, feed } = viewer();
    const trace = new FakeTrace();
    pushN(feed, trace, 3);
    clock.advance(15);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toEqual([{ lab: 'lab-1', events: expect.any(Array) as unknown, gap: 0 }]);
    expect(seqs(batches[0])).toEqual([1, 2, 3]);
  });

  it('splits a backlog into batches of at most maxBatch', () => {
    const { clock, batches, feed, ack } = viewer({ maxBatch: 2_000 });
    pushN(feed, new FakeTrace(), 4_500);
    for (let i = 0; i < 3; i++) {
      clock.advance(16);
      ack();
    }
    expect(batches.map((b) => b.events.length)).toEqual([2_000, 2_000, 500]);
    expect(feed.queued).toBe(0);
  });

  it('after an ack, a full batch already waiting goes without waiting for the next frame', () => {
    const { clock, batches, feed, ack } = viewer({ maxBatch: 100 });
    pushN(feed, new FakeTrace(), 250);
    clock.advance(16);
    expect(batches).toHaveLength(1);
    ack();
    clock.advance(0);
    expect(batches.map((b) => b.events.length)).toEqual([100, 100]);
    ack();
    clock.advance(15);
    expect(batches).toHaveLength(2);
    clock.advance(1);
    expect(batches.map((b) => b.events.length)).toEqual([100, 100, 50]);
  });

  it('sends nothing and keeps no timer when idle', () => {
    const { clock, batches } = viewer();
    clock.advance(1_000);
    expect(batches).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('sends one lab per batch, oldest queued event first', () => {
    const { clock, batches, feed, ack } = viewer();
    const trace = new FakeTrace();
    feed.push('b', trace.recv());
    feed.push('a', trace.recv());
    feed.push('b', trace.recv());
    clock.advance(16);
    ack();
    clock.advance(16);
    expect(batches.map((b) => [b.lab, seqs(b)])).toEqual([
      ['b', [1, 3]],
      ['a', [2]],
    ]);
  });
});

describe('STREAM-7 at most one batch is in flight per viewer', () => {
  it('queues new events until done, then sends them at the next tick', () => {
    const { clock, batches, feed, ack } = viewer();
    const trace = new FakeTrace();
    pushN(feed, trace, 2);
    clock.advance(16);
    pushN(feed, trace, 2);
    clock.advance(1_000);
    expect(batches).toHaveLength(1);
    expect(feed.inFlight).toBe(true);
    ack();
    expect(feed.inFlight).toBe(false);
    clock.advance(16);
    expect(batches.map(seqs)).toEqual([[1, 2], [3, 4]]);
  });

  it('ignores a second done for the same batch', () => {
    const batches: EventBatch[] = [];
    const clock = new ManualScheduler();
    let first: (() => void) | undefined;
    const feed = new ViewerFeed((batch, done) => {
      batches.push(batch);
      first ??= done;
    }, { scheduler: clock });
    const trace = new FakeTrace();
    pushN(feed, trace, 1);
    clock.advance(16);
    first?.();
    pushN(feed, trace, 1);
    clock.advance(16); // second batch now in flight
    first?.(); // stale: must not free the slot
    pushN(feed, trace, 1);
    clock.advance(16);
    expect(batches).toHaveLength(2);
    expect(feed.inFlight).toBe(true);
  });
});

describe('STREAM-7 with maxInFlight 2, the next batch travels while the viewer takes the previous one', () => {
  it('sends a second batch before the first is acked, never a third', () => {
    const { clock, batches, feed, ack } = viewer({ maxInFlight: 2 });
    const trace = new FakeTrace();
    pushN(feed, trace, 2);
    clock.advance(16);
    pushN(feed, trace, 2);
    clock.advance(16);
    expect(batches.map(seqs)).toEqual([[1, 2], [3, 4]]);
    expect(feed.inFlight).toBe(true);
    pushN(feed, trace, 2);
    clock.advance(1_000);
    expect(batches).toHaveLength(2);
    ack();
    expect(feed.inFlight).toBe(false);
    clock.advance(16);
    expect(batches.map(seqs)).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
});

describe('STREAM-8 a slow viewer loses the oldest events and is told the gap', () => {
  it('drops beyond maxQueued, reports gap on the next batch, then catches up with the newest', () => {
    const { clock, batches, feed, ack } = viewer({ maxQueued: 5 });
    const trace = new FakeTrace();
    pushN(feed, trace, 3);
    clock.advance(16); // batch 1 (seq 1-3) in flight, never acked yet
    pushN(feed, trace, 10); // seq 4-13: only 9-13 fit
    expect(feed.queued).toBe(5);
    expect(feed.dropped).toBe(5);
    ack();
    clock.advance(16);
    expect(batches[1]).toMatchObject({ lab: 'lab-1', gap: 5 });
    expect(seqs(batches[1])).toEqual([9, 10, 11, 12, 13]);
    ack();
    pushN(feed, trace, 2);
    clock.advance(16);
    expect(batches[2]).toMatchObject({ gap: 0 });
    expect(seqs(batches[2])).toEqual([14, 15]);
  });

  it("charges the gap to the lab whose events were dropped, even if none of them is left", () => {
    const { clock, batches, feed, ack } = viewer({ maxQueued: 3 });
    const trace = new FakeTrace();
    pushN(feed, trace, 1, 'warm');
    clock.advance(16); // in flight
    pushN(feed, trace, 2, 'quiet'); // seq 2-3
    pushN(feed, trace, 3, 'busy'); // seq 4-6 push both 'quiet' events out
    ack();
    clock.advance(16);
    ack();
    clock.advance(16);
    expect(batches.slice(1).map((b) => [b.lab, seqs(b), b.gap])).toEqual([
      ['quiet', [], 2],
      ['busy', [4, 5, 6], 0],
    ]);
  });

  it('never holds more than maxQueued events, however fast events come', () => {
    const { clock, batches, feed, ack } = viewer({ maxQueued: 1_000 });
    const trace = new FakeTrace();
    let most = 0;
    for (let i = 0; i < 100_000; i++) {
      feed.push(i % 3 === 0 ? 'a' : 'b', trace.recv());
      most = Math.max(most, feed.queued);
      if (i % 5_000 === 0) clock.advance(16); // the first batch stays unacked
    }
    expect(most).toBe(1_000);
    expect(feed.dropped).toBe(100_000 - 1 - 1_000);
    // Every event is accounted for: delivered, or counted in a gap.
    while (feed.inFlight) {
      ack();
      clock.advance(16);
    }
    const delivered = batches.reduce((n, b) => n + b.events.length + b.gap, 0);
    expect(delivered).toBe(100_000);
  });
});

describe('STREAM-9 close stops the feed', () => {
  it('cancels the timer, forgets the queue and ignores a late done', () => {
    const { clock, batches, feed, ack } = viewer();
    const trace = new FakeTrace();
    pushN(feed, trace, 1);
    clock.advance(16);
    pushN(feed, trace, 1);
    feed.close();
    ack();
    expect(clock.pending).toBe(0);
    pushN(feed, trace, 1);
    clock.advance(1_000);
    expect(batches).toHaveLength(1);
    expect(feed.queued).toBe(0);
  });
});
