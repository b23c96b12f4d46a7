/**
 * Profiles one core server under one of the bench's loads with `node --cpu-prof`, then
 * prints where its CPU time went (self time by function and by file). For finding what
 * to fix when a target is missed.
 *
 *   npx tsx bench/profile.ts --cls ThreadingTCPServer --group persistent-50 [--trace memory] [--seconds 3]
 *   npx tsx bench/profile.ts --raw --cls tcp --group persistent-1     (the raw Node echo: tcp, unix, udp)
 *
 * The profile is written to bench/.tmp/profiles/ (open it in Chrome DevTools for more).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Processes, stopOnExit, tsNode } from './lib/procs.js';
import { LoadGenerator } from './load/load-generator.js';
import type { Announcement } from './servers/control.js';
import { throughputGroups } from './suites/throughput.js';
import { forkGroups } from './suites/fork-cost.js';
import type { Target } from './load/spec.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Self time (ms) by key, largest first. */
export function selfTimes(profile: Profile, key: (n: ProfileNode) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cls: { type: 'string', default: 'TCPServer' },
      group: { type: 'string', default: 'persistent-1' },
      trace: { type: 'string', default: 'none' },
      seconds: { type: 'string', default: '3' },
      top: { type: 'string', default: '40' },
      raw: { type: 'boolean', default: false },
    },
  });
  const group = [...throughputGroups(false), ...forkGroups(false)].find((g) => g.id === values.group);
  if (!group) throw new Error(`no group ${values.group}`);
  const dir = join(ROOT, 'bench', '.tmp', 'profiles', `${values.cls}-${values.group}-${values.trace}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const procs = new Processes();
  stopOnExit(procs);
  const queue = String(group.servers[0]?.queue ?? 5);
  const c = values.raw
    ? tsNode(join(ROOT, 'bench/servers/node-raw.ts'), ['--kind', values.cls, '--queue', queue, '--unix', join(dir, 's.sock')])
    : tsNode(join(ROOT, 'bench/servers/core-server.ts'), ['--cls', values.cls, '--queue', queue, '--trace', values.trace, '--unix', join(dir, 's.sock')]);
  const server = procs.start('server', c.command, ['--cpu-prof', '--cpu-prof-dir', dir, ...c.args]);
  const a = await server.next<Announcement>(60);
  const udp = values.cls.includes('UDP') || values.cls === 'udp';
  const target: Target = typeof a.address === 'string' ? { kind: 'unix', path: a.address } : { kind: udp ? 'udp' : 'tcp', host: a.address[0], port: a.address[1] };
  const gen = await LoadGenerator.start(procs);
  await gen.run(group.warmup(target));
  const seconds = Number(values.seconds);
  const deadline = performance.now() + seconds * 1000;
  let requests = 0;
  while (performance.now() < deadline) {
    const r = await gen.run({ ...group.load(target), maxSeconds: seconds });
    requests += r.requests;
    console.log(`${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms`);
  }
  await procs.stop(gen.pid);
  await procs.stop(server.pid, 5000);
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (not tsx's loader thread).
  const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const total = profile.timeDeltas.reduce((s, d) => s + d, 0) / 1000;
  const top = Number(values.top);
  const where = (n: ProfileNode): string => {
    const url = n.callFrame.url;
    if (url === '') return '(native)';
    return url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
  };
  console.log(`\n${requests} requests; profile ${total.toFixed(0)} ms: ${join(dir, file)}\n\nself time by function:`);
  for (const [k, ms] of selfTimes(profile, (n) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}:${n.callFrame.lineNumber + 1}`).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
  console.log('\nself time by file:');
  for (const [k, ms] of selfTimes(profile, where).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
