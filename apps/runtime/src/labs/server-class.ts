/**
 * Finding the server class a lab asks for: a public socketserver class by name, or a new
 * class composed from bases (the core's C3 decides its MRO, and refuses an impossible one).
 */
import * as core from '@sockscope/core';
import { composeClass, MroError, socket, type BaseServer, type LabClassRequest, type PyClass } from '@sockscope/core';
import { SERVER_MIXINS } from './handlers.js';

/** The public server classes and mixins, by name. */
export const SERVER_CLASSES: Readonly<Record<string, PyClass>> = Object.fromEntries(
  [
    'BaseServer', 'TCPServer', 'UDPServer', 'UnixStreamServer', 'UnixDatagramServer', 'ThreadingMixIn', 'ForkingMixIn',
    'ThreadingTCPServer', 'ThreadingUDPServer', 'ThreadingUnixStreamServer', 'ThreadingUnixDatagramServer',
    'ForkingTCPServer', 'ForkingUDPServer', 'ForkingUnixStreamServer', 'ForkingUnixDatagramServer',
  ].map((name) => [name, (core as unknown as Record<string, PyClass>)[name] as PyClass]),
);

/** What a lab asks for: the class part of a lab request. */
export type ClassRequest = Pick<LabClassRequest, 'server' | 'bases' | 'class_name' | 'server_mixins'>;

/** How the chosen class serves. */
export interface ServerShape {
  readonly cls: PyClass<BaseServer>;
  readonly family: core.socket.AddressFamily;
  readonly transport: 'stream' | 'datagram';
}

/** Resolves a class request; throws an Error whose message says what is wrong. */
export function serverClass(req: ClassRequest): ServerShape {
  const mixins = (req.server_mixins ?? []).map((name) => lookup(SERVER_MIXINS, name, 'server mixin'));
  let cls: PyClass;
  if (req.bases && req.bases.length > 0) {
    const bases = req.bases.map((name) => lookup({ ...SERVER_CLASSES, ...SERVER_MIXINS }, name, 'base class'));
    cls = compose(req.class_name ?? 'CustomServer', [...mixins, ...bases]);
  } else {
    const base = lookup(SERVER_CLASSES, req.server ?? '', 'server class');
    cls = mixins.length > 0 ? compose(req.class_name ?? `${mixins.map(core.nameOf).join('')}${core.nameOf(base)}`, [...mixins, base]) : base;
  }
  const proto = cls.prototype as { address_family?: number; socket_type?: number; get_request?: unknown };
  if (typeof proto.get_request !== 'function') {
    throw new Error(`${core.nameOf(cls)} cannot serve: its MRO (${core.mro(cls).join(' → ')}) has no TCPServer or UDPServer`);
  }
  return {
    cls: cls as PyClass<BaseServer>,
    family: (proto.address_family ?? socket.AF_INET) as core.socket.AddressFamily,
    transport: proto.socket_type === socket.SOCK_DGRAM ? 'datagram' : 'stream',
  };
}

function compose(name: string, bases: readonly PyClass[]): PyClass {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new Error(`class_name ${JSON.stringify(name)} is not a Python identifier`);
  try {
    return composeClass(name, bases);
  } catch (err) {
    if (err instanceof MroError) throw new Error(`TypeError: ${err.message}`, { cause: err });
    throw err;
  }
}

function lookup(table: Readonly<Record<string, PyClass>>, name: string, what: string): PyClass {
  const cls = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!cls) throw new Error(`unknown ${what} ${JSON.stringify(name)}; known: ${Object.keys(table).join(', ')}`);
  return cls;
}
