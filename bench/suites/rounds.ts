/**
 * The measuring engine the socket suites share: a group of servers under the same load,
 * measured alternately — round 1 runs every server once, round 2 again in a rotated
 * order, and so on — so that the machine's drift hits them all alike; each figure is the
 * median of its rounds.
 */
import { cpuMicros } from '../lib/cpu.js';
import { medianOf } from '../lib/stats.js';
import type { SuiteContext } from '../lib/suite.js';
import { LoadGenerator } from '../load/load-generator.js';
import type { LoadResult, LoadSpec, Target } from '../load/spec.js';
import { launch, serverKey, transportOf, type Impl, type RunningServer, type ServerSpec } from '../servers/launch.js';

/** Servers measured under one load. */
export interface Group {
  /** Short id, e.g. `connect-q5`. */
  readonly id: string;
  /** What the load is, in words, for the tables. */
  readonly title: string;
  readonly servers: readonly ServerSpec[];
  /** The load, given a server's address. */
  readonly load: (target: Target) => LoadSpec;
  /** A shorter load to warm each server up before the rounds (JIT, pools, the fork spare). */
  readonly warmup: (target: Target) => LoadSpec;
  /** Wait this long after a load before reading the server's CPU time (children to be reaped). */
  readonly settleMs?: number;
  /** The load runs for its `maxSeconds` (not up to a count): reaching it is no cap. */
  readonly timed?: boolean;
}

/** One measurement of one server. */
export interface Sample {
  readonly result: LoadResult;
  /** Server CPU µs per answered request (its reaped children included). */
  readonly cpuUs: number | null;
  /** Trace events per request (memory-traced servers). */
  readonly eventsPerReq: number | null;
  readonly viewerEvents: number | null;
  readonly viewerGap: number | null;
}

/** A server's figures in a group: medians of its rounds, sums of its troubles. */
export interface Row {
  readonly group: string;
  readonly cls: string;
  readonly impl: Impl;
  readonly queue: number;
  readonly transport: 'tcp' | 'unix' | 'udp';
  readonly rps: number | null;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly cpuUs: number | null;
  readonly requests: number;
  readonly errors: number;
  readonly slowConnects: number;
  readonly lost: number;
  /** Whether some round hit the load's time cap. */
  readonly capped: boolean;
  readonly eventsPerReq: number | null;
  readonly viewerEvents: number | null;
  readonly viewerGap: number | null;
  /** Why there are no figures (a server that could not start). */
  readonly skipped: string | null;
  readonly samples: readonly Sample[];
}

/** Rotates `items` left by `n` (round r starts with the r-th server). */
export function rotate<T>(items: readonly T[], n: number): T[] {
  if (items.length === 0) return [];
  const k = ((n % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Folds one server's samples into its row. */
export function toRow(group: string, spec: ServerSpec, samples: readonly Sample[], skipped: string | null = null, timed = false): Row {
  const sum = (f: (s: Sample) => number): number => samples.reduce((a, s) => a + f(s), 0);
  const viewer = samples.some((s) => s.viewerEvents !== null);
  return {
    group,
    cls: spec.cls,
    impl: spec.impl,
    queue: spec.queue,
    transport: transportOf(spec.cls),
    rps: medianOf(samples.map((s) => s.result.rps)),
    p50: medianOf(samples.map((s) => s.result.p50)),
    p99: medianOf(samples.map((s) => s.result.p99)),
    cpuUs: medianOf(samples.map((s) => s.cpuUs)),
    requests: sum((s) => s.result.requests),
    errors: sum((s) => s.result.errors),
    slowConnects: sum((s) => s.result.slowConnects),
    lost: sum((s) => s.result.lost),
    capped: !timed && samples.some((s) => s.result.capped),
    eventsPerReq: medianOf(samples.map((s) => s.eventsPerReq)),
    viewerEvents: viewer ? sum((s) => s.viewerEvents ?? 0) : null,
    viewerGap: viewer ? sum((s) => s.viewerGap ?? 0) : null,
    skipped,
    samples,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function measure(server: RunningServer, gen: LoadGenerator, spec: LoadSpec, settleMs: number): Promise<Sample> {
  await server.reset();
  await server.viewerStats();
  const before = cpuMicros(server.pid);
  const result = await gen.run(spec);
  if (settleMs > 0) await sleep(settleMs);
  const after = cpuMicros(server.pid);
  const events = await server.reset();
  // The feed sends a batch about every 16 ms: let the last ones arrive before counting.
  if (server.viewer) await sleep(150);
  const viewer = await server.viewerStats();
  const per = (n: number): number | null => (result.requests > 0 ? n / result.requests : null);
  return {
    result,
    cpuUs: before !== null && after !== null ? per(after - before) : null,
    eventsPerReq: server.spec.impl === 'core+memory' ? per(events) : null,
    viewerEvents: viewer?.events ?? null,
    viewerGap: viewer?.gap ?? null,
  };
}

/**
 * Starts the group's servers, warms each up, runs `ctx.rounds` alternating rounds, stops
 * the servers (by pid) and returns one row per server, in the group's order.
 */
export async function runGroup(ctx: SuiteContext, gen: LoadGenerator, group: Group): Promise<Row[]> {
  const running = new Map<string, RunningServer>();
  const skipped = new Map<string, string>();
  try {
    // Started together (they only start; nothing is measured yet).
    await Promise.all(
      group.servers.map(async (spec) => {
        const key = serverKey(spec);
        if (spec.impl === 'cpython' && ctx.python === null) {
          skipped.set(key, 'no python3');
          return;
        }
        try {
          running.set(key, await launch(ctx.procs, spec, ctx.python, ctx.tmp));
        } catch (err) {
          skipped.set(key, err instanceof Error ? (err.message.split('\n')[0] ?? 'failed') : String(err));
          ctx.log(`  ${key}: could not start: ${skipped.get(key)}`);
        }
      }),
    );
    const order = group.servers.map(serverKey).filter((k) => running.has(k));
    for (const key of order) {
      const server = running.get(key) as RunningServer;
      await gen.run(group.warmup(server.target));
    }
    const samples = new Map<string, Sample[]>(order.map((k) => [k, []]));
    for (let round = 0; round < ctx.rounds; round++) {
      for (const key of rotate(order, round)) {
        const server = running.get(key) as RunningServer;
        const sample = await measure(server, gen, group.load(server.target), group.settleMs ?? 0);
        samples.get(key)?.push(sample);
        const r = sample.result;
        ctx.log(
          `  ${group.id} round ${round + 1}/${ctx.rounds} ${key}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms` +
            `${r.errors ? `, ${r.errors} errors` : ''}${r.slowConnects ? `, ${r.slowConnects} slow connects` : ''}${r.lost ? `, ${r.lost} lost` : ''}`,
        );
      }
    }
    return group.servers.map((spec) => {
      const key = serverKey(spec);
      return toRow(group.id, spec, samples.get(key) ?? [], skipped.get(key) ?? null, group.timed ?? false);
    });
  } finally {
    for (const server of running.values()) {
      if (server.viewer) await ctx.procs.stop(server.viewer.pid);
      await ctx.procs.stop(server.pid);
    }
  }
}

/**
 * Runs the groups a suite plans (those `ctx.parts` names, or all), one load generator for
 * all of them, logging each group's time; returns every row and the groups' titles.
 */
export async function runGroups(
  ctx: SuiteContext,
  suite: string,
  planned: readonly Group[],
): Promise<{ readonly rows: Row[]; readonly groups: readonly Group[]; readonly titles: Record<string, string> }> {
  const gen = await LoadGenerator.start(ctx.procs);
  const rows: Row[] = [];
  const groups = planned.filter((g) => ctx.parts === null || ctx.parts.includes(g.id));
  try {
    for (const group of groups) {
      const t0 = performance.now();
      ctx.log(`${suite}: ${group.title}`);
      rows.push(...(await runGroup(ctx, gen, group)));
      ctx.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await ctx.procs.stop(gen.pid);
  }
  return { rows, groups, titles: Object.fromEntries(groups.map((g) => [g.id, g.title])) };
}
