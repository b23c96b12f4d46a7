/**
 * The live lab's connection and step-through, for the lab the user is watching:
 *
 *   disconnected ──CONNECT──► connecting ──CONNECTED / SNAPSHOT──► connected
 *                                  ▲                                  │
 *                                  └──────────DISCONNECTED────────────┘
 *   connected: live (following the live edge) ⇄ paused (the lab holds an event)
 *              └─► stepping (a step or run-to is on its way) ─► live / paused
 *
 * What the runtime says (SNAPSHOT, LAB, STEP_STATE) updates the context and decides between
 * live and paused. The presenter's controls (PAUSE, STEP, RUN_TO, RESUME, SET_BREAKPOINTS)
 * go to the runtime through the injected `send`; its reply comes back as REPLY. A viewer's
 * controls are ignored: viewers watch.
 */
import type { Breakpoints, LabSummary, Reply, Role, RunTarget, Snapshot, StepState } from '@sockscope/core/trace';
import { assign, setup } from 'xstate';

/** A step-through request for one lab, as the runtime's socket.io API names it. */
export type ControlRequest =
  | { readonly type: 'pause'; readonly lab: string }
  | { readonly type: 'step'; readonly lab: string; readonly count?: number }
  | { readonly type: 'run_to'; readonly lab: string; readonly target: RunTarget }
  | { readonly type: 'resume'; readonly lab: string }
  | { readonly type: 'set_breakpoints'; readonly lab: string; readonly breakpoints: Breakpoints };

/** Sends a request to the runtime and resolves with its reply (never rejects). */
export type SendControl = (request: ControlRequest) => Promise<Reply<StepState>>;

/** What the machine is given. */
export interface LiveInput {
  readonly send: SendControl;
}

/** What the machine knows. */
export interface LiveContext {
  readonly send: SendControl;
  /** Known once the runtime's snapshot arrives. */
  readonly role: Role | null;
  /** Every lab that is not closed, in creation order. */
  readonly labs: readonly LabSummary[];
  /** The lab being watched (null when there is none). */
  readonly lab: string | null;
  /** Each lab's step-through state. */
  readonly steps: Readonly<Record<string, StepState>>;
  /** This client's step request while `stepping` (a run-to is followed through the lab's state). */
  readonly inFlight: 'step' | null;
  /** The last refusal or failure, to show; cleared by DISMISS. */
  readonly error: string | null;
  /** Why the connection failed, while (re)connecting. */
  readonly connectError: string | null;
}

/** Everything the live machine understands. */
export type LiveEvent =
  // From the transport.
  | { readonly type: 'CONNECT' }
  | { readonly type: 'CONNECTED' }
  | { readonly type: 'DISCONNECTED'; readonly willReconnect: boolean; readonly reason?: string }
  | { readonly type: 'CONNECT_ERROR'; readonly message: string }
  | { readonly type: 'SNAPSHOT'; readonly snapshot: Snapshot }
  | { readonly type: 'LAB'; readonly summary: LabSummary }
  | { readonly type: 'STEP_STATE'; readonly lab: string; readonly state: StepState }
  | { readonly type: 'REPLY'; readonly request: ControlRequest; readonly reply: Reply<StepState> }
  // From the user.
  | { readonly type: 'SELECT_LAB'; readonly lab: string }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'STEP'; readonly count?: number }
  | { readonly type: 'RUN_TO'; readonly target: RunTarget }
  | { readonly type: 'RESUME' }
  | { readonly type: 'SET_BREAKPOINTS'; readonly breakpoints: Breakpoints }
  | { readonly type: 'DISMISS' };

/** The selected lab's step state, if known. */
export function selectedStep(context: Pick<LiveContext, 'lab' | 'steps'>): StepState | null {
  return context.lab === null ? null : (context.steps[context.lab] ?? null);
}

/** Whether this client may drive the labs. */
export function canControl(context: Pick<LiveContext, 'role'>): boolean {
  return context.role === 'presenter';
}

/** The lab to watch after the list changed: the same one if it is still there, else the newest. */
function pickLab(current: string | null, labs: readonly LabSummary[]): string | null {
  if (current !== null && labs.some((l) => l.id === current)) return current;
  return labs.at(-1)?.id ?? null;
}

/** Sends `request` and feeds the reply back to the machine as REPLY. */
function dispatch(
  send: SendControl,
  request: ControlRequest,
  self: { send: (event: LiveEvent) => void },
): void {
  send(request).then(
    (reply) => self.send({ type: 'REPLY', request, reply }),
    (err: unknown) => self.send({ type: 'REPLY', request, reply: { ok: false, error: `${request.type}: ${String(err)}` } }),
  );
}

/** The live machine. Give it `input: { send }`. */
export const liveMachine = setup({
  types: {
    context: {} as LiveContext,
    events: {} as LiveEvent,
    input: {} as LiveInput,
  },
  actions: {
    snapshot: assign(({ context, event }) => {
      if (event.type !== 'SNAPSHOT') return {};
      const labs = event.snapshot.labs.filter((l) => l.state !== 'closed');
      return { role: event.snapshot.role, labs, steps: { ...event.snapshot.step }, lab: pickLab(context.lab, labs), connectError: null };
    }),
    lab: assign(({ context, event }) => {
      if (event.type !== 'LAB') return {};
      const { summary } = event;
      const known = context.labs.some((l) => l.id === summary.id);
      let labs: readonly LabSummary[];
      if (summary.state === 'closed') labs = context.labs.filter((l) => l.id !== summary.id);
      else if (known) labs = context.labs.map((l) => (l.id === summary.id ? summary : l));
      else labs = [...context.labs, summary];
      // A new lab is what everybody wants to watch.
      const lab = !known && summary.state !== 'closed' ? summary.id : pickLab(context.lab, labs);
      const steps = summary.state === 'closed' ? omit(context.steps, summary.id) : context.steps;
      return { labs, lab, steps };
    }),
    stepState: assign(({ context, event }) =>
      event.type === 'STEP_STATE' ? { steps: { ...context.steps, [event.lab]: event.state } } : {},
    ),
    reply: assign(({ context, event }) => {
      if (event.type !== 'REPLY') return {};
      if (!event.reply.ok) return { error: event.reply.error };
      return { steps: { ...context.steps, [event.request.lab]: event.reply.value }, error: null };
    }),
    select: assign(({ context, event }) =>
      event.type === 'SELECT_LAB' && context.labs.some((l) => l.id === event.lab) ? { lab: event.lab } : {},
    ),
    connectError: assign(({ event }) => (event.type === 'CONNECT_ERROR' ? { connectError: event.message } : {})),
    dismiss: assign({ error: null }),
    request: ({ context, event, self }) => {
      const lab = context.lab;
      if (lab === null) return;
      let request: ControlRequest | null = null;
      if (event.type === 'PAUSE') request = { type: 'pause', lab };
      else if (event.type === 'STEP') request = event.count === undefined ? { type: 'step', lab } : { type: 'step', lab, count: event.count };
      else if (event.type === 'RUN_TO') request = { type: 'run_to', lab, target: event.target };
      else if (event.type === 'RESUME') request = { type: 'resume', lab };
      else if (event.type === 'SET_BREAKPOINTS') request = { type: 'set_breakpoints', lab, breakpoints: event.breakpoints };
      if (request) dispatch(context.send, request, self);
    },
    markStep: assign({ inFlight: 'step' as const }),
    clearInFlight: assign({ inFlight: null }),
  },
  guards: {
    presenterWithLab: ({ context }) => canControl(context) && context.lab !== null,
    /** The watched lab is paused (holding an event, or waiting for one). */
    selectedPaused: ({ context }) => selectedStep(context)?.mode === 'paused',
    /** The watched lab runs towards a run-to target. */
    selectedRunningTo: ({ context }) => {
      const step = selectedStep(context);
      return step?.mode === 'running' && step.run_to !== null;
    },
    /** This client's own step is on its way (its reply ends it, not the broadcasts). */
    ownStepInFlight: ({ context }) => context.inFlight === 'step',
    /** A reply that ends `stepping`: the step's own, or any reply when no step of ours is pending. */
    endsStepping: ({ context, event }) => event.type === 'REPLY' && (context.inFlight !== 'step' || event.request.type === 'step'),
    willReconnect: ({ event }) => event.type === 'DISCONNECTED' && event.willReconnect,
  },
}).createMachine({
  id: 'live',
  context: ({ input }) => ({
    send: input.send,
    role: null,
    labs: [],
    lab: null,
    steps: {},
    inFlight: null,
    error: null,
    connectError: null,
  }),
  initial: 'disconnected',
  on: {
    DISMISS: { actions: 'dismiss' },
  },
  states: {
    disconnected: {
      on: { CONNECT: { target: 'connecting' } },
    },
    connecting: {
      on: {
        CONNECTED: { target: 'connected' },
        SNAPSHOT: { target: 'connected', actions: 'snapshot' },
        CONNECT_ERROR: { actions: 'connectError' },
        DISCONNECTED: [{ guard: 'willReconnect' }, { target: 'disconnected' }],
      },
    },
    connected: {
      initial: 'route',
      on: {
        DISCONNECTED: [
          { guard: 'willReconnect', target: 'connecting', actions: 'clearInFlight' },
          { target: 'disconnected', actions: 'clearInFlight' },
        ],
        SNAPSHOT: { target: '.route', actions: 'snapshot' },
        LAB: { target: '.route', actions: 'lab' },
        STEP_STATE: { target: '.route', actions: 'stepState' },
        SELECT_LAB: { target: '.route', actions: ['select', 'clearInFlight'] },
        REPLY: { actions: 'reply' },
        SET_BREAKPOINTS: { guard: 'presenterWithLab', actions: 'request' },
        STEP: { guard: 'presenterWithLab', target: '.stepping', actions: ['markStep', 'request'] },
        RUN_TO: { guard: 'presenterWithLab', target: '.stepping', actions: ['clearInFlight', 'request'] },
      },
      states: {
        /** Decides between live, paused and a run-to in progress from the watched lab's state. */
        route: {
          always: [
            { guard: 'selectedPaused', target: 'paused' },
            { guard: 'selectedRunningTo', target: 'stepping' },
            { target: 'live' },
          ],
        },
        /** Following the live edge: the lab runs and every event shows as it comes. */
        live: {
          on: {
            PAUSE: { guard: 'presenterWithLab', actions: 'request' },
            RESUME: { guard: 'presenterWithLab', actions: 'request' },
          },
        },
        /** The lab is paused: a thread is held at an event (or all wait for I/O). */
        paused: {
          on: {
            RESUME: { guard: 'presenterWithLab', actions: 'request' },
          },
        },
        /** A step (or a run-to) is on its way; the bar shows STEPPING until it arrives. */
        stepping: {
          exit: 'clearInFlight',
          after: {
            // A step answers within about 300 ms; never stay stuck if a reply is lost.
            15_000: { target: 'route' },
          },
          on: {
            // While a step of ours is on its way, broadcasts only update the state; otherwise
            // (a run-to) every change re-decides: still running to the target, or paused there.
            STEP_STATE: [{ guard: 'ownStepInFlight', actions: 'stepState' }, { target: 'route', actions: 'stepState' }],
            REPLY: [{ guard: 'endsStepping', target: 'route', actions: 'reply' }, { actions: 'reply' }],
            RESUME: { guard: 'presenterWithLab', actions: 'request' },
            PAUSE: { guard: 'presenterWithLab', actions: 'request' },
          },
        },
      },
    },
  },
});

/** The live machine's type. */
export type LiveMachine = typeof liveMachine;

function omit<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a copy keyed by lab id
  delete copy[key];
  return copy;
}
