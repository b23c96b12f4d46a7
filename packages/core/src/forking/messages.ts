/** The IPC messages between a forking server and its child processes. */
import type { SockAddr, TraceEvent } from '../trace/schema.js';
import type { AddressFamily, SocketKind } from '../socket/constants.js';
import type { ClassRef } from './class-ref.js';

/** A server attribute as it crosses to the child: a plain value or a class. */
export type StateValue = null | boolean | number | string | readonly StateValue[] | { readonly classRef: ClassRef };

/** What the child continues with: the parent's trace position, if traced. */
export interface ChildTrace {
  readonly epoch: string;
  readonly firstSpan: number;
  readonly span: number | null;
  readonly parentSpan: number | null;
  readonly tid: number;
  readonly thread: string;
}

/** Parent → child: everything the child needs to be "the parent after fork()". */
export interface InitMessage {
  readonly type: 'init';
  readonly serverClass: ClassRef;
  readonly state: Readonly<Record<string, StateValue>>;
  readonly family: AddressFamily;
  readonly socketType: SocketKind;
  readonly serverAddress: SockAddr;
  readonly clientAddress: SockAddr;
  /** For datagram servers: the packet (stream servers send the connection as a handle). */
  readonly packet: Uint8Array | null;
  readonly trace: ChildTrace | null;
}

/** Parent → child: an event was recorded (and released, if the tracer held it). */
export interface AckMessage {
  readonly type: 'ack';
  readonly id: number;
}

/** Child → parent. */
export type ChildMessage =
  | { readonly type: 'event'; readonly id: number; readonly event: TraceEvent; readonly holdable: boolean }
  | { readonly type: 'stderr'; readonly text: string }
  | { readonly type: 'sendto'; readonly id: number; readonly data: Uint8Array; readonly address: SockAddr };
