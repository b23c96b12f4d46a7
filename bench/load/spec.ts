/** What the load generator is asked to do, and what it reports. */

/** Where the server listens. */
export type Target =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'unix'; readonly path: string }
  | { readonly kind: 'udp'; readonly host: string; readonly port: number };

/** Fields every load shares. */
interface Common {
  readonly target: Target;
  /** Bytes per request line or datagram, newline included (at least 2). */
  readonly payload: number;
  /** Stop starting new requests after this many seconds (the run is then `capped`). */
  readonly maxSeconds: number;
}

/**
 * `clients` connections, opened first (not timed); then each makes `roundTrips` round trips
 * of one line (send it, wait for its echo) on its own connection.
 */
export interface PersistentLoad extends Common {
  readonly mode: 'persistent';
  readonly clients: number;
  readonly roundTrips: number;
  /**
   * Round trips a second per connection, at most (default: as fast as the echoes come). A
   * round trip that comes due while the previous is still out is sent as soon as it returns.
   */
  readonly perSecond?: number;
}

/**
 * `requests` requests, at most `concurrency` at a time, each on a new connection: connect,
 * send a line, read its echo, close. Timed from connect to echo.
 */
export interface ConnectLoad extends Common {
  readonly mode: 'connect';
  readonly concurrency: number;
  readonly requests: number;
}

/** `clients` UDP sockets each sending `roundTrips` datagrams, one at a time, each waiting for its echo. */
export interface DatagramLoad extends Common {
  readonly mode: 'datagram';
  readonly clients: number;
  readonly roundTrips: number;
  /** A datagram with no echo after this long is counted lost and the client goes on. */
  readonly timeoutMs: number;
}

/** Any load the generator runs. */
export type LoadSpec = PersistentLoad | ConnectLoad | DatagramLoad;

/** What one load run measured. */
export interface LoadResult {
  /** Requests answered. */
  readonly requests: number;
  /** Seconds from the first request to the last answer. */
  readonly seconds: number;
  /** `requests / seconds`. */
  readonly rps: number;
  /** Latency of one request (ms): round trip, or connect → echo. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connections refused, reset or timed out; wrong echoes. */
  readonly errors: number;
  /**
   * Connects that took ≥ 0.9 s: the kernel dropped a SYN (a full accept queue) and the
   * client sent it again one second later.
   */
  readonly slowConnects: number;
  /** Datagrams with no echo within the timeout. */
  readonly lost: number;
  /** Whether `maxSeconds` cut the run short. */
  readonly capped: boolean;
  /** The first few error messages. */
  readonly errorSamples: readonly string[];
}
