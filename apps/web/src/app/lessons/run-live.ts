/**
 * "Run this lesson live": a lesson's scenario as a lab on the runtime, the way the lab form
 * and the scripted clients would start it — create_lab, run_lab, then (after the scenario's
 * warm-up) spawn_clients, and shutdown_lab when the scenario's main thread would call
 * shutdown(). For the presenter; the notes go on following the bundled recording.
 */
import type { ClientSpec, CreateLabRequest, LabMode, Scenario } from '@sockscope/core/trace';
import type { LiveRequest } from '../live/live-types.js';

/** The requests that run a scenario as a live lab. */
export interface LivePlan {
  readonly create: CreateLabRequest;
  readonly mode: LabMode;
  readonly handleRequestCount: number | null;
  readonly clients: readonly ClientSpec[];
  /** How long after run_lab the clients start, ms. */
  readonly warmupMs: number;
  /** How long after the clients start the lab is shut down, ms; null: it keeps serving. */
  readonly shutdownAfterMs: number | null;
}

/** The plan for a scenario (pure). */
export function livePlan(scenario: Scenario): LivePlan {
  const create: CreateLabRequest = {
    handler: scenario.handler,
    ...(scenario.bases ? { bases: scenario.bases, ...(scenario.class_name ? { class_name: scenario.class_name } : {}) } : { server: scenario.server ?? 'TCPServer' }),
    ...(scenario.server_mixins && scenario.server_mixins.length > 0 ? { server_mixins: scenario.server_mixins } : {}),
    ...(scenario.options && Object.keys(scenario.options).length > 0 ? { options: scenario.options } : {}),
  };
  const mode = scenario.mode ?? 'serve_forever';
  return {
    create,
    mode,
    handleRequestCount: mode === 'handle_request' ? (scenario.handle_request_count ?? 1) : null,
    clients: scenario.clients ?? [],
    warmupMs: Math.max(0, scenario.warmup_ms ?? 0),
    shutdownAfterMs: scenario.shutdown_after_ms ?? null,
  };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a scenario as a live lab; resolves with null once its clients are spawned, or the error. */
export async function runLive(request: LiveRequest, scenario: Scenario, sleep: (ms: number) => Promise<void> = wait): Promise<string | null> {
  const plan = livePlan(scenario);
  const created = await request('create_lab', plan.create);
  if (!created.ok) return created.error;
  const lab = created.value.id;
  const ran = await request('run_lab', plan.handleRequestCount === null ? { lab, mode: plan.mode } : { lab, mode: plan.mode, handle_request_count: plan.handleRequestCount });
  if (!ran.ok) return ran.error;
  if (plan.clients.length > 0) {
    await sleep(plan.warmupMs);
    const spawned = await request('spawn_clients', { lab, clients: plan.clients });
    if (!spawned.ok) return spawned.error;
  }
  if (plan.shutdownAfterMs !== null && plan.mode === 'serve_forever') {
    const after = plan.shutdownAfterMs;
    void sleep(after).then(() => request('shutdown_lab', { lab }));
  }
  return null;
}
