/** Constants of Python's `socket` module (Linux values), with their Python names. */

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
export const SO_REUSEPORT = 15;
export const IPPROTO_TCP = 6;
export const TCP_NODELAY = 1;
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;

/** An address family this port supports. */
export type AddressFamily = typeof AF_UNIX | typeof AF_INET | typeof AF_INET6;
/** A socket type this port supports. */
export type SocketKind = typeof SOCK_STREAM | typeof SOCK_DGRAM;

/** Python's name of an address family. */
export function familyName(family: AddressFamily): 'AF_UNIX' | 'AF_INET' | 'AF_INET6' {
  return family === AF_UNIX ? 'AF_UNIX' : family === AF_INET ? 'AF_INET' : 'AF_INET6';
}

/** Python's name of a socket type. */
export function kindName(kind: SocketKind): 'SOCK_STREAM' | 'SOCK_DGRAM' {
  return kind === SOCK_STREAM ? 'SOCK_STREAM' : 'SOCK_DGRAM';
}
