/**
 * The scenario format: a whole lab run described as data, so that a lab can be shared,
 * recorded headlessly and replayed. Field names follow socketserver's own words.
 */

/** The built-in request handlers, by their scenario name. */
export const HANDLER_NAMES = [
  'echo',
  'upper',
  'slow_echo',
  'crash',
  'stream_echo',
  'dgram_echo',
  'dgram_crash',
  'file_transfer',
] as const;

/** A built-in request handler's scenario name. */
export type HandlerName = (typeof HANDLER_NAMES)[number];

/** Server mixins a scenario may put first in the bases. */
export const SERVER_MIXIN_NAMES = ['RejectAll'] as const;

/** A server mixin's name. */
export type ServerMixinName = (typeof SERVER_MIXIN_NAMES)[number];

/** Class attributes and lab settings applied before the server binds. */
export interface LabOptions {
  readonly daemon_threads?: boolean;
  readonly block_on_close?: boolean;
  /** `handle_request`'s timeout in seconds; null waits for ever. */
  readonly timeout?: number | null;
  /** `serve_forever(poll_interval)`, seconds. */
  readonly poll_interval?: number;
  readonly max_children?: number;
  readonly request_queue_size?: number;
  readonly allow_reuse_address?: boolean;
  readonly allow_reuse_port?: boolean;
  readonly max_packet_size?: number;
  /** How long SlowEchoHandler waits before answering, ms. */
  readonly handler_delay_ms?: number;
}

/** One step of a scripted client. Stream clients connect before their first step. */
export type ClientStep =
  | readonly ['send', string]
  | readonly ['recv']
  | readonly ['sleep_ms', number]
  | readonly ['shut_wr']
  | readonly ['close'];

/** A scripted client. */
export interface ClientSpec {
  /** When to start, ms after the loop started plus `warmup_ms`. */
  readonly start_ms?: number;
  readonly steps: readonly ClientStep[];
}

/** How the server runs. */
export type LabMode = 'serve_forever' | 'handle_request';

/** Which server and handler a lab runs, with the options set before it binds. */
export interface LabClassRequest {
  /** A public server class, e.g. `ThreadingTCPServer`; or give `bases`. */
  readonly server?: string;
  /** The bases of a class built at run time, e.g. `["TCPServer", "ThreadingMixIn"]`. */
  readonly bases?: readonly string[];
  /** The name of the class built from `bases` (default `CustomServer`). */
  readonly class_name?: string;
  /** Mixins put first in the bases, e.g. `["RejectAll"]`. */
  readonly server_mixins?: readonly ServerMixinName[];
  readonly handler: HandlerName;
  readonly options?: LabOptions;
}

/** A whole lab run. */
export interface Scenario extends LabClassRequest {
  readonly description?: string;
  /** The same description in Simplified Chinese. */
  readonly description_zh?: string;
  readonly mode?: LabMode;
  /** With mode `handle_request`: how many times to call it. */
  readonly handle_request_count?: number;
  readonly clients?: readonly ClientSpec[];
  /** Wait this long after the loop has started before the clients' clock starts, ms. */
  readonly warmup_ms?: number;
  /** The main thread calls shutdown() then server_close() this long after the clients' clock started, ms. */
  readonly shutdown_after_ms?: number;
}
