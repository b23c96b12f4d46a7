/**
 * Runtime validation of everything that comes from outside: socket.io requests and
 * scenario files. Each schema mirrors a type of `@sockscope/core`'s protocol, with the
 * limits that keep a classroom runtime safe.
 */
import { HANDLER_NAMES, SERVER_MIXIN_NAMES, TRACE_EVENT_KINDS, type TraceEventKind } from '@sockscope/core';
import { z } from 'zod';

/** Limits on what one request may ask for. */
export const LIMITS = {
  clientsPerRequest: 50,
  stepsPerClient: 200,
  sendBytes: 64 * 1024,
  sleepMs: 60_000,
  handleRequestCount: 1000,
  scenarioDurationMs: 120_000,
  maxChildren: 64,
  portMin: 1024,
  portMax: 65535,
} as const;

const seconds = z.number().min(0).max(3600);
const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a Python identifier');

export const labOptionsSchema = z.strictObject({
  daemon_threads: z.boolean().optional(),
  block_on_close: z.boolean().optional(),
  timeout: seconds.nullable().optional(),
  poll_interval: z.number().min(0.001).max(60).optional(),
  max_children: z.number().int().min(1).max(LIMITS.maxChildren).optional(),
  request_queue_size: z.number().int().min(0).max(4096).optional(),
  allow_reuse_address: z.boolean().optional(),
  allow_reuse_port: z.boolean().optional(),
  max_packet_size: z.number().int().min(1).max(65536).optional(),
  handler_delay_ms: z.number().int().min(0).max(LIMITS.sleepMs).optional(),
});

export const clientStepSchema = z.union([
  z.tuple([z.literal('send'), z.string().max(LIMITS.sendBytes)]),
  z.tuple([z.literal('recv')]),
  z.tuple([z.literal('sleep_ms'), z.number().int().min(0).max(LIMITS.sleepMs)]),
  z.tuple([z.literal('shut_wr')]),
  z.tuple([z.literal('close')]),
]);

export const clientSpecSchema = z.strictObject({
  start_ms: z.number().int().min(0).max(LIMITS.sleepMs).optional(),
  steps: z.array(clientStepSchema).max(LIMITS.stepsPerClient),
});

const classFields = {
  server: z.string().max(64).optional(),
  bases: z.array(z.string().max(64)).min(1).max(8).optional(),
  class_name: name.optional(),
  server_mixins: z.array(z.enum(SERVER_MIXIN_NAMES)).max(4).optional(),
  handler: z.enum(HANDLER_NAMES),
  options: labOptionsSchema.optional(),
};

const needsClass = (v: { server?: string | undefined; bases?: string[] | undefined }): boolean =>
  v.server !== undefined || v.bases !== undefined;
const classMessage = { message: 'give "server" (a class name) or "bases" (a list of class names)' };

export const createLabSchema = z
  .strictObject({
    ...classFields,
    port: z.number().int().min(0).max(LIMITS.portMax).optional(),
    backend: z.enum(['core', 'cpython']).optional(),
  })
  .refine(needsClass, classMessage)
  .refine((v) => v.port === undefined || v.port === 0 || v.port >= LIMITS.portMin, {
    message: `port must be 0 (any free port) or between ${LIMITS.portMin} and ${LIMITS.portMax}`,
  });

export const scenarioSchema = z
  .strictObject({
    description: z.string().max(2000).optional(),
    description_zh: z.string().max(2000).optional(),
    ...classFields,
    mode: z.enum(['serve_forever', 'handle_request']).optional(),
    handle_request_count: z.number().int().min(1).max(LIMITS.handleRequestCount).optional(),
    clients: z.array(clientSpecSchema).max(LIMITS.clientsPerRequest).optional(),
    warmup_ms: z.number().int().min(0).max(LIMITS.sleepMs).optional(),
    shutdown_after_ms: z.number().int().min(0).max(LIMITS.scenarioDurationMs).optional(),
  })
  .refine(needsClass, classMessage);

export const labRefSchema = z.strictObject({ lab: z.string().min(1).max(64) });

export const runLabSchema = labRefSchema.extend({
  mode: z.enum(['serve_forever', 'handle_request']).optional(),
  handle_request_count: z.number().int().min(1).max(LIMITS.handleRequestCount).optional(),
});

export const spawnClientsSchema = labRefSchema.extend({
  clients: z.array(clientSpecSchema).min(1).max(LIMITS.clientsPerRequest),
});

const kinds = z.enum(TRACE_EVENT_KINDS as [TraceEventKind, ...TraceEventKind[]]);

export const breakpointsSchema = z.strictObject({
  kinds: z.array(kinds).max(64),
  methods: z.array(z.string().max(128)).max(64),
  threads: z.array(z.string().max(128)).max(64),
});

export const stepSchema = labRefSchema.extend({ count: z.number().int().min(1).max(10_000).optional() });
export const runToSchema = labRefSchema.extend({
  target: z
    .strictObject({ kind: kinds.optional(), method: z.string().max(128).optional(), thread: z.string().max(128).optional() })
    .refine((t) => t.kind ?? t.method ?? t.thread, { message: 'a target needs a kind, a method or a thread' }),
});
export const setBreakpointsSchema = labRefSchema.extend({ breakpoints: breakpointsSchema });
export const recordingNameSchema = z.strictObject({ name: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, 'not a recording name') });
export const emptySchema = z.strictObject({});

/** Turns a zod failure into one line that names the field: `clients.0.steps.2: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'message'}: ${i.message}`)
    .join('; ');
}

export const scenarioRefSchema = z.strictObject({ scenario: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, 'a scenario name') });
